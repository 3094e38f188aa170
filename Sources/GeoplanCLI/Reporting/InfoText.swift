import Foundation
import GeoPlan

/// `geoplan info` as text, laid out like `ogrinfo -so` with the checks geoplan adds.
enum InfoText {
    static func render(_ report: DatasetReport) -> String {
        if let raster = report.raster { return render(raster, path: report.path, driver: report.driver) }
        var lines = ["\(report.path)", "  driver: \(report.driver)", "  layers: \(report.layers.count)"]
        for layer in report.layers {
            lines.append("")
            lines.append("layer \"\(layer.name)\"")
            lines.append("  features: \(layer.featureCount.formatted())")
            let found = layer.geometryTypes.sorted { $0.value > $1.value }
                .map { "\($0.key) \($0.value.formatted())" }.joined(separator: ", ")
            lines.append(
                "  geometry: \(layer.declaredGeometryType)" + (found.isEmpty ? "" : " (\(found))")
                    + (layer.hasZ ? ", has Z" : "") + (layer.hasM ? ", has M" : ""))
            if let crs = layer.crs {
                lines.append(
                    "  crs: \(crs.name)\(crs.code.map { " (\($0))" } ?? "")"
                        + (crs.assumed ? ", assumed with --assume-crs" : ""))
            } else {
                lines.append("  crs: none declared")
            }
            if let box = layer.extentLonLat {
                lines.append(
                    "  extent (lon/lat): \(number(box.minX)), \(number(box.minY)) – \(number(box.maxX)), "
                        + "\(number(box.maxY))")
            }
            if let box = layer.extent, layer.crs?.isGeographic != true {
                lines.append(
                    "  extent: \(number(box.minX)), \(number(box.minY)) – \(number(box.maxX)), "
                        + "\(number(box.maxY))")
            }
            lines.append("  encoding: \(layer.encoding.summary)")
            let validity = layer.validity
            if validity.reasons.isEmpty {
                lines.append("  validity: all \(validity.checked.formatted()) geometries valid")
            } else {
                let reasons = validity.reasons.sorted { $0.value > $1.value }.map { "\($0.value) \($0.key)" }
                lines.append(
                    "  validity: \(validity.reasons.values.reduce(0, +)) problems of "
                        + "\(validity.checked.formatted()) (\(reasons.joined(separator: ", "))); "
                        + "see geoplan validate")
            }
            if let measures = layer.measures {
                if let area = measures.areaSquareKilometres {
                    lines.append(
                        "  area: \(number(area, decimals: 3)) km² = \(number(area * 625, decimals: 0)) rai "
                            + "(\(measures.method))")
                }
                if let length = measures.lengthKilometres {
                    lines.append("  length: \(number(length, decimals: 3)) km (\(measures.method))")
                }
            }
            lines.append("  fields:")
            let width = layer.fields.map(\.name.count).max() ?? 0
            for field in layer.fields {
                lines.append("    \(field.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(field.type)")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func number(_ value: Double, decimals: Int = 6) -> String {
        value.formatted(.number.precision(.fractionLength(decimals)).grouping(decimals == 0 ? .automatic : .never))
    }

    /// A raster, laid out like `gdalinfo`'s first lines.
    static func render(_ raster: RasterReport, path: String, driver: String) -> String {
        var lines = [
            "\(path)", "  driver: \(driver) (raster)",
            "  size: \(raster.width.formatted()) × \(raster.height.formatted()) pixels, \(raster.bands.count) band"
                + (raster.bands.count == 1 ? "" : "s"),
        ]
        if let width = raster.pixelWidth, let height = raster.pixelHeight {
            lines.append(
                "  pixel: \(number(width)) × \(number(abs(height)))"
                    + (raster.pixelSquareMetres.map {
                        ", about \(number($0, decimals: 0)) m² on the ground at the middle row"
                    } ?? "")
                    + (raster.northUp ? "" : " (rotated grid)"))
        }
        if let crs = raster.crs {
            lines.append("  crs: \(crs.name)\(crs.code.map { " (\($0))" } ?? "")")
        } else {
            lines.append("  crs: none declared")
        }
        if let box = raster.extentLonLat {
            lines.append(
                "  extent (lon/lat): \(number(box.minX)), \(number(box.minY)) – \(number(box.maxX)), \(number(box.maxY))"
            )
        }
        if let box = raster.extent, raster.crs?.isGeographic != true {
            lines.append(
                "  extent: \(number(box.minX)), \(number(box.minY)) – \(number(box.maxX)), \(number(box.maxY))")
        }
        for band in raster.bands {
            var text =
                "  band \(band.number): \(band.dataType), blocks \(band.blockWidth) × \(band.blockHeight), "
                + "nodata \(band.noData.map { "\($0)" } ?? "none"), mask: \(band.mask)"
            if band.scale != 1 || band.offset != 0 {
                text += ", value = stored × \(number(band.scale)) + \(number(band.offset))"
            }
            lines.append(text)
        }
        return lines.joined(separator: "\n")
    }
}
