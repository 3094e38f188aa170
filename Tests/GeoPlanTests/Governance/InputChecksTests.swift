import GEOS
import Testing

@testable import GeoPlan

extension GovernanceTests {
    /// Bad input gives an error that names the codes, the area and the fix (see `GovernanceFixture` for T1, T2).
    @Suite struct InputChecksTests {
        let fixture: GovernanceFixture

        init() throws {
            fixture = try GovernanceFixture()
        }

        private func build(
            _ tambons: [TambonInput], _ municipalities: [MunicipalityInput],
            options: GovernanceOptions = GovernanceOptions()
        ) throws -> GovernancePartitionResult {
            try GovernancePartition(options: options).build(tambons: tambons, municipalities: municipalities)
        }

        /// The error a build throws, or nil.
        private func failure(_ body: () throws -> GovernancePartitionResult) -> GovernanceError? {
            do {
                _ = try body()
                return nil
            } catch let GeoPlanError.governance(error) {
                return error
            } catch {
                return nil
            }
        }

        // MARK: - Overlaps

        /// A = [100.02, 100.06] × [13.02, 13.06] and B = [100.05, 100.08] × [13.03, 13.07] share
        /// [100.05, 100.06] × [13.03, 13.06]: `Planimeter -p 12` on its corners gives 3599879.01023 m² (1e-9 relative).
        @Test func overlappingMunicipalitiesNameBothCodesAndTheArea() throws {
            let a = try fixture.municipality("A", .town, 100.02, 13.02, 100.06, 13.06)
            let b = try fixture.municipality("B", .subdistrict, 100.05, 13.03, 100.08, 13.07)
            let error = try #require(failure { try build([fixture.t1, fixture.t2], [a, b]) })
            guard case let .overlaps(layer, overlaps, tolerance) = error else {
                Issue.record("expected overlaps, got \(error)")
                return
            }
            #expect(layer == "municipalities" && tolerance == 1)
            let overlap = try #require(overlaps.first)
            #expect(overlaps.count == 1 && overlap.first == "A" && overlap.second == "B")
            #expect(abs(overlap.areaSquareMetres - 3_599_879.01023) <= 1e-9 * 3.6e6)
            #expect(overlap.point.lon > 100.05 && overlap.point.lon < 100.06)
            let message = "\(GeoPlanError.governance(error))"
            #expect(message.contains("A and B share 3599879.0 m²"))
            #expect(message.contains("correct the borders"))
        }

        /// An overlap of 1.016 m² (Planimeter, a 1 m square: 9.2e-6° at 13.05° N) passes a 2 m² tolerance: the overlap
        /// goes to A (the code that sorts first) and is reported; the units then share nothing.
        @Test func overlapsWithinToleranceGoToTheFirstCodeAndAreReported() throws {
            let side = 9.2e-6
            let a = try fixture.municipality("A", .town, 100.03, 13.03, 100.05 + side, 13.05 + side)
            let b = try fixture.municipality("B", .town, 100.05, 13.05, 100.07, 13.07)
            let result = try build(
                [fixture.t1, fixture.t2], [b, a],
                options: GovernanceOptions(snapToleranceMetres: 0, overlapToleranceSquareMetres: 2))
            let resolved = try #require(result.report.resolvedOverlaps.first)
            #expect(resolved.first == "A" && resolved.second == "B")
            #expect(abs(resolved.areaSquareMetres - 1.01563) <= 1e-4)
            #expect(result.report.guarantees.largestOverlapSquareMetres == 0)
            #expect(failure { try build([fixture.t1, fixture.t2], [a, b]) } != nil)  // 1 m² by default: an error
        }

        @Test func overlappingTambonsAreAnErrorToo() throws {
            let wide = TambonInput(code: "T2", geometry: try fixture.box(100.09, 13.0, 100.2, 13.1))
            let error = try #require(failure { try build([fixture.t1, wide], []) })
            guard case let .overlaps(layer, overlaps, _) = error else {
                Issue.record("expected overlaps, got \(error)")
                return
            }
            #expect(layer == "tambons" && overlaps.first?.first == "T1" && overlaps.first?.second == "T2")
        }

        // MARK: - Outside

        @Test func aMunicipalityOutsideEveryTambonIsNamedWithTheNearestTambon() throws {
            let away = try fixture.municipality("FAR", .town, 100.3, 13.3, 100.31, 13.31)
            let error = try #require(failure { try build([fixture.t1, fixture.t2], [fixture.m1, away]) })
            guard case let .outsideEveryTambon(municipalities) = error else {
                Issue.record("expected outsideEveryTambon, got \(error)")
                return
            }
            #expect(municipalities.map(\.code) == ["FAR"])
            #expect(municipalities.first?.nearestTambon == "T2")
            let message = "\(GeoPlanError.governance(error))"
            #expect(message.contains("FAR (around 100.30") && message.contains("same coordinate reference system"))
        }

        /// A municipality 3 m wide along T1's west border is a sliver through and through: snapping would erase it
        /// (it is used unsnapped, and reported so), its piece is thinner than the tolerance and merged away, and so it
        /// governs nothing: an error, rather than a local government with no land.
        @Test func aMunicipalityThinnerThanTheToleranceIsRefused() throws {
            let east = 100.0 + GovernanceFixture.lonDegrees(3)
            let strip = try fixture.municipality("THIN", .subdistrict, 100.0, 13.02, east, 13.08)
            let error = try #require(failure { try build([fixture.t1, fixture.t2], [strip]) })
            guard case let .outsideEveryTambon(municipalities) = error else {
                Issue.record("expected outsideEveryTambon, got \(error)")
                return
            }
            #expect(municipalities.map(\.code) == ["THIN"])
            #expect("\(error)".contains("beyond slivers thinner than the snapping tolerance"))
        }

        /// Touching a tambon's border is not lying in it.
        @Test func aMunicipalityThatOnlyTouchesIsOutsideToo() throws {
            let touching = try fixture.municipality("EDGE", .town, 100.2, 13.0, 100.25, 13.05)
            let error = try #require(failure { try build([fixture.t1, fixture.t2], [touching]) })
            guard case let .outsideEveryTambon(municipalities) = error else {
                Issue.record("expected outsideEveryTambon, got \(error)")
                return
            }
            #expect(municipalities.map(\.code) == ["EDGE"])
        }

        // MARK: - Codes

        @Test func duplicatedCodesNameTheCodeAndTheFeatures() throws {
            let twin = TambonInput(code: "T1", geometry: try fixture.box(100.1, 13.0, 100.2, 13.1))
            let error = try #require(failure { try build([fixture.t1, twin], []) })
            #expect(error == .duplicatedCodes(layer: "tambons", duplicates: [.init(code: "T1", features: [0, 1])]))
            #expect("\(error)".contains("\"T1\" (features 0, 1)"))

            let again = try fixture.municipality("M1", .subdistrict, 100.16, 13.01, 100.19, 13.04)
            let municipal = try #require(failure { try build([fixture.t1, fixture.t2], [fixture.m1, again]) })
            #expect(
                municipal
                    == .duplicatedCodes(
                        layer: "municipalities",
                        duplicates: [.init(code: "M1", features: [0, 1])]))
        }

        @Test func missingCodesNameTheFeatures() throws {
            let blank = try fixture.municipality(" ", .town, 100.16, 13.01, 100.19, 13.04)
            let error = try #require(failure { try build([fixture.t1, fixture.t2], [fixture.m1, blank]) })
            #expect(error == .missingCodes(layer: "municipalities", features: [1]))
            #expect("\(error)".contains("every municipality needs a code"))

            let unnamed = TambonInput(code: "", geometry: try fixture.box(100.1, 13.0, 100.2, 13.1))
            #expect(failure { try build([fixture.t1, unnamed], []) } == .missingCodes(layer: "tambons", features: [1]))
        }

        @Test func aMunicipalityCodeMayNotBeADerivedSAOCode() throws {
            let clash = try fixture.municipality("SAO-T2", .town, 100.16, 13.01, 100.19, 13.04)
            let error = try #require(failure { try build([fixture.t1, fixture.t2], [clash]) })
            guard case .duplicatedCodes = error else {
                Issue.record("expected duplicatedCodes, got \(error)")
                return
            }
        }

        // MARK: - Other inputs

        @Test func anSAOInTheMunicipalityLayerIsRefused() throws {
            let sao = try fixture.municipality("S1", .sao, 100.16, 13.01, 100.19, 13.04)
            #expect(failure { try build([fixture.t1, fixture.t2], [sao]) } == .saoInMunicipalityLayer(code: "S1"))
        }

        @Test func aGeometryWithoutAreaIsRefused() throws {
            let line = MunicipalityInput(
                code: "L", type: .town,
                geometry: try fixture.geometry("LINESTRING (100.01 13.01, 100.02 13.02)"))
            #expect(
                failure { try build([fixture.t1], [line]) }
                    == .notPolygonal(
                        layer: "municipalities", code: "L",
                        found: "LineString"))
        }

        @Test func anInvalidInputIsRepairedAndReported() throws {
            // A bow-tie over T1's south-west corner: MakeValid makes two triangles.
            let bowtie = MunicipalityInput(
                code: "BT", type: .town,
                geometry: try fixture.geometry(
                    "POLYGON ((100.01 13.01, 100.03 13.03, 100.03 13.01, 100.01 13.03, 100.01 13.01))"))
            let result = try build([fixture.t1, fixture.t2], [bowtie])
            #expect(result.report.repairedInputs == ["municipalities: BT"])
            #expect(result.units.filter { $0.localGovernmentCode == "BT" }.count == 1)
        }

        @Test func noTambonsAndBadOptionsAreRefused() throws {
            #expect(failure { try build([], []) } == .noTambons)
            let options = GovernanceOptions(snapToleranceMetres: -1)
            #expect(
                failure { try build([fixture.t1], [], options: options) }
                    == .invalidOption(name: "snap tolerance (m)", value: -1))
        }
    }
}
