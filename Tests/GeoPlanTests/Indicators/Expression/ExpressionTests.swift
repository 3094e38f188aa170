import Testing

@testable import GeoPlan

/// Every expected value is worked by hand in the comment beside it; doubles that are not exact in binary are
/// compared within 1e-12 (relative), the rest exactly.
struct ExpressionTests {
    /// Evaluates `text` with the given values; unknown names are null.
    private func value(_ text: String, _ values: [String: Double] = [:]) throws -> Double? {
        try Expression(text).evaluate { values[$0] }
    }

    private func error(_ text: String) -> ExpressionError? {
        do {
            _ = try Expression(text)
            return nil
        } catch let error as ExpressionError {
            return error
        } catch {
            return nil
        }
    }

    // MARK: - Arithmetic

    @Test func precedenceAndAssociativity() throws {
        #expect(try value("2 - 3 - 4") == -5)  // (2 - 3) - 4 = -1 - 4
        #expect(try value("2 * 3 + 4") == 10)  // 6 + 4
        #expect(try value("2 + 3 * 4") == 14)  // 2 + 12
        #expect(try value("-2 * -3") == 6)  // (-2) * (-3)
        #expect(try value("8 / 4 / 2") == 1)  // (8 / 4) / 2 = 2 / 2
        #expect(try value("(2 + 3) * 4") == 20)  // 5 * 4
        #expect(try value("2 - (3 - 4)") == 3)  // 2 - (-1)
        #expect(try value("10 - 2 * 3 + 8 / 4") == 6)  // 10 - 6 + 2
        #expect(try value("2 - -3") == 5)  // 2 + 3
        #expect(try value("--3") == 3)  // -(-3)
        #expect(try value("+-+3") == -3)  // one minus
        #expect(try value("-(2 + 3)") == -5)
        #expect(try value("1 / 4") == 0.25)  // exact in binary
    }

    @Test func numberLiterals() throws {
        #expect(try value("2.5e3") == 2500)
        #expect(try value("2.5E+3") == 2500)
        #expect(try value("25e-1") == 2.5)
        #expect(try value("-x + 2.5e3", ["x": 500]) == 2000)  // -500 + 2500
        #expect(try value(".5") == 0.5)
        #expect(try value("5.") == 5)
        #expect(try value("007") == 7)
        #expect(try value("1e-400") == 0)  // underflows to zero, which is finite
    }

    @Test func plannersFormulas() throws {
        // 12 schools for 48000 people: 12 / 48000 * 10000 = 2.5 per 10,000.
        #expect(try value("schools / population * 10000", ["schools": 12, "population": 48_000]) == 2.5)
        // 30 km of road over 12 km²: 2.5 km/km².
        #expect(try value("(road_km) / area_km2", ["road_km": 30, "area_km2": 12]) == 2.5)
        #expect(try value("  a\t*\n( b+c )  ", ["a": 2, "b": 3, "c": 4]) == 14)  // 2 * 7, whitespace anywhere
    }

    // MARK: - Functions

    @Test func functions() throws {
        #expect(try value("max(a, b)", ["a": 3, "b": 7]) == 7)
        #expect(try value("min(4, -1, 2)") == -1)
        #expect(try value("max(4)") == 4)
        #expect(try value("abs(-2.5)") == 2.5)
        #expect(try value("sqrt(16)") == 4)
        #expect(try value("round(2.5)") == 3)  // halves go away from zero
        #expect(try value("round(-2.5)") == -3)
        #expect(try value("round(3.14159, 2)") == 3.14)  // 314.159 → 314 → 3.14
        #expect(try value("round(1250, -2)") == 1300)  // 12.5 → 13 → 1300
        #expect(try value("round(1.5, 400)") == 1.5)  // more places than a double has: unchanged
        #expect(try value("round(123, -400)") == 0)
        #expect(try value("log10(1000)") == 3)
        #expect(try value("log(1)") == 0)
        // e² by hand: log(7.38905609893065) = 2 (to the 15 digits written).
        let natural = try #require(try value("log(7.38905609893065)"))
        #expect(abs(natural - 2) < 1e-12)
        #expect(try value("max (a,b) * 2", ["a": 1, "b": 2]) == 4)  // space before "(" is still a call
        #expect(try value("sqrt(abs(-9)) + max(1, min(5, 3))") == 6)  // 3 + 3
    }

    @Test func functionNamesAlsoWorkAsIdentifiers() throws {
        // Without "(" a function name is just an indicator id.
        let expression = try Expression("log + 1")
        #expect(expression.identifiers == ["log"])
        #expect(expression.evaluate { $0 == "log" ? 2 : nil } == 3)
    }

    // MARK: - Identifiers

    @Test func identifiers() throws {
        #expect(try Expression("schools / population * 10000").identifiers == ["schools", "population"])
        #expect(try Expression("max(a, b_2) + a - sqrt(_c)").identifiers == ["a", "b_2", "_c"])
        #expect(try Expression("round(3.5, 1) * 2").identifiers.isEmpty)
        #expect(try Expression("-x").identifiers == ["x"])
    }

    @Test func equalityFollowsTheText() throws {
        #expect(try Expression("a + b") == Expression("a + b"))
        #expect(try Expression("a + b") != Expression("a+b"))
        #expect(try Set([Expression("a"), Expression("a"), Expression("b")]).count == 2)
        #expect(try Expression(" a ").text == " a ")
    }

    // MARK: - Null semantics

    @Test func nullOperandGivesNull() throws {
        #expect(try value("a + 1") == nil)
        #expect(try value("a * 0", [:]) == nil)  // null, not 0
        #expect(try value("max(a, b)", ["a": 1]) == nil)  // any null argument
        #expect(try value("-a") == nil)
        #expect(try value("sqrt(a)") == nil)
        // A value that is itself infinite or NaN counts as null.
        #expect(try value("a + 1", ["a": .infinity]) == nil)
        #expect(try value("a * 0", ["a": .nan]) == nil)
    }

    @Test func divisionByZeroGivesNull() throws {
        #expect(try value("1 / 0") == nil)
        #expect(try value("0 / 0") == nil)
        #expect(try value("schools / population", ["schools": 3, "population": 0]) == nil)
        #expect(try value("1 / (2 - 2)") == nil)
        #expect(try value("0 / 5") == 0)
    }

    @Test func nonFiniteGivesNull() throws {
        #expect(try value("sqrt(-1)") == nil)
        #expect(try value("log(0)") == nil)
        #expect(try value("log(-1)") == nil)
        #expect(try value("log10(0)") == nil)
        #expect(try value("1e308 * 10") == nil)  // 1e309 > 1.797e308 overflows
        #expect(try value("1e308 * 10 / 100") == nil)  // even when a later step would bring it back
        #expect(try value("1e308 + 1e308 - 1e308") == nil)
        #expect(try value("-1e308 * 10") == nil)
        #expect(try value("x / 1e-300", ["x": 1e10]) == nil)  // 1e310
        #expect(try value("1e308 * 1") == 1e308)
    }

    @Test func zeroHasNoSign() throws {
        let zero = try #require(try value("-x", ["x": 0]))
        #expect(zero == 0 && zero.sign == .plus)
        let product = try #require(try value("-1 * 0"))
        #expect(product.sign == .plus)
    }

    // MARK: - Errors

    @Test func errorMessagesAndOffsets() {
        // (text, message, offset); "character" in messages counts from 1, the offset from 0.
        let cases: [(String, String, Int)] = [
            ("a / (b))", #"unexpected ")" at character 8 of "a / (b))""#, 7),
            ("a * ", #"expected a number, name or "(" at the end of "a * ""#, 4),
            ("", #"expected a number, name or "(" at the end of """#, 0),
            ("   ", #"expected a number, name or "(" at the end of "   ""#, 3),
            ("a * )", #"expected a number, name or "(", found ")" at character 5 of "a * )""#, 4),
            (
                "mean(a, b)",
                #"unknown function "mean" at character 1 of "mean(a, b)"; "#
                    + "functions: min, max, abs, sqrt, round, log, log10",
                0
            ),
            ("(a + b", #"expected an operator or ")" at the end of "(a + b""#, 6),
            ("(a b)", #"expected an operator or ")", found "b" at character 4 of "(a b)""#, 3),
            ("max(a b)", #"expected an operator, "," or ")", found "b" at character 7 of "max(a b)""#, 6),
            ("max(a,", #"expected a number, name or "(" at the end of "max(a,""#, 6),
            ("max(a,)", #"expected a number, name or "(", found ")" at character 7 of "max(a,)""#, 6),
            ("a b", #"expected an operator, found "b" at character 3 of "a b""#, 2),
            ("2x", #"expected an operator, found "x" at character 2 of "2x""#, 1),
            ("a , b", #"expected an operator, found "," at character 3 of "a , b""#, 2),
            ("a # b", ##"unexpected "#" at character 3 of "a # b""##, 2),
            ("a ^ 2", #"unexpected "^" at character 3 of "a ^ 2""#, 2),
            ("ก + 1", #"unexpected "ก" at character 1 of "ก + 1""#, 0),
            ("1.2.3 + a", #""1.2.3" is not a number at character 1 of "1.2.3 + a""#, 0),
            ("x + 1e", #""1e" is not a number at character 5 of "x + 1e""#, 4),
            ("1e+ 2", #""1e+" is not a number at character 1 of "1e+ 2""#, 0),
            (". + 1", #""." is not a number at character 1 of ". + 1""#, 0),
            ("1e400", #""1e400" is too large for a number at character 1 of "1e400""#, 0),
            ("abs()", #"abs takes 1 argument, not 0, at character 1 of "abs()""#, 0),
            ("1 + sqrt(1, 2)", #"sqrt takes 1 argument, not 2, at character 5 of "1 + sqrt(1, 2)""#, 4),
            ("round(a, 1, 2)", #"round takes 1 or 2 arguments, not 3, at character 1 of "round(a, 1, 2)""#, 0),
            ("min()", #"min takes at least 1 arguments, not 0, at character 1 of "min()""#, 0),
            ("log10(a, b)", #"log10 takes 1 argument, not 2, at character 1 of "log10(a, b)""#, 0),
        ]
        for (text, message, offset) in cases {
            let error = self.error(text)
            #expect(error?.message == message, "\(text)")
            #expect(error?.offset == offset, "\(text)")
            #expect(error?.description == error?.message)
        }
    }

    @Test func firstErrorIsTheLeftmost() {
        // Both ")" at 3 and "#" at 6 are wrong; the lexer reads on demand, so ")" is reported.
        #expect(error("a +)  #")?.offset == 3)
    }

    // MARK: - Robustness

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let ok = String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)
        #expect(try value(ok) == 1)
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(
            error(deep)?.message.hasPrefix("parentheses and calls nested more than 100 deep at character 101")
                == true)
        #expect(error(deep)?.offset == 100)
        let calls = String(repeating: "abs(", count: 101) + "1" + String(repeating: ")", count: 101)
        #expect(error(calls)?.offset == 400)  // the 101st "abs", 4 characters each
    }

    @Test func longChainsAndSignRunsDoNotRecurse() throws {
        // 100,000 terms of "1": flat chains, so no deep tree to evaluate or free.
        let sum = Array(repeating: "1", count: 100_000).joined(separator: " + ")
        #expect(try value(sum) == 100_000)
        let quotient = "1" + String(repeating: " / 1", count: 100_000)
        #expect(try value(quotient) == 1)
        // 100,001 minus signs: odd, so negative.
        #expect(try value(String(repeating: "-", count: 100_001) + "2") == -2)
    }

    @Test func fuzzNeverCrashesNorLeaksNonFinite() {
        var random = SplitMix64(seed: 0x6E0_91A4)
        let pieces = [
            "a", "b", "x_1", "0", "1", "2.5", "1e308", "1e-3", ".", "e", "E", "+", "-", "*", "/", "(", ")",
            ",", " ", "\t", "min(", "max(", "abs(", "sqrt(", "round(", "log(", "log10(", "mean(", "#", "ก",
            "9", "_", "1e", "3e+", "e5",
        ]
        let values: [String: Double] = ["a": -3, "b": 0, "x_1": 1e300]
        var parsed = 0
        for _ in 0..<20_000 {
            let length = Int(random.next() % 16)
            let text = (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            do {
                let expression = try Expression(text)
                parsed += 1
                if let result = expression.evaluate({ values[$0] }) {
                    #expect(result.isFinite, "\(text)")
                }
                for name in expression.identifiers {  // pieces run together ("a" "e5" → "ae5"): check the shape
                    let ascii = name.unicodeScalars.allSatisfy {
                        $0.isASCII
                            && ($0 == "_" || $0.properties.isAlphabetic
                                || ("0"..."9").contains($0))
                    }
                    #expect(ascii && name.first?.isNumber == false && text.contains(name), "\(text)")
                }
            } catch let error as ExpressionError {
                #expect((0...text.count).contains(error.offset), "\(text)")
                #expect(error.message.contains("\"\(text)\""), "\(text)")
            } catch {
                Issue.record("unexpected error \(error) for \(text)")
            }
        }
        #expect(parsed > 500)  // the alphabet does reach valid expressions
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014), for a fuzz test that is the same on every run.
private struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
