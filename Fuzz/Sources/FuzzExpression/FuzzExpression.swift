import FuzzSupport
import GeoPlan

/// Indicator expressions on any text, evaluated over values taken from the input. Promises: a parse error or an
/// expression; evaluation is total and never gives infinity or NaN (`evaluate`), and names are what it reads.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    // The first bytes choose the values of the names (a few special ones: null, zero, huge, tiny).
    let specials: [Double?] = [nil, 0, -0.0, 1, -1, 1e308, -1e308, 5e-324, 0.5, 1e16]
    let choices = (0..<4).map { _ in specials[Int(input.byte()) % specials.count] }
    let text = String(decoding: input.rest(), as: UTF8.self)
    guard let expression = try? Expression(text) else { return 0 }
    var asked = Set<String>()
    let value = expression.evaluate { name in
        asked.insert(name)
        return choices[Int(name.utf8.count) % choices.count]
    }
    if let value { invariant(value.isFinite, "\(text) evaluated to \(value)") }
    invariant(asked.isSubset(of: expression.identifiers), "\(text) read names it does not list")
    _ = expression.evaluateKeepingOverflow { _ in 1 }
    return 0
}
