import FuzzSupport
import GeoPlan

/// The spec reader on any text: YAML (anchors, aliases, flow and block styles, tags), the spec's shape, and the
/// expressions and `where:` clauses inside it. It must report problems, never trap or hang; every problem it
/// reports carries a message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpec(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let text = String(decoding: input.bytes, as: UTF8.self)
    let errors = SpecParser.diagnose(text, path: "fuzz.yaml")
    for error in errors {
        invariant(!error.message.isEmpty, "a spec error without a message")
    }
    // `parse` throws the first of the same problems, or returns a spec when there are none.
    do {
        _ = try SpecParser.parse(text, path: "fuzz.yaml")
        invariant(errors.isEmpty, "parse accepted a spec diagnose refused: \(errors[0].message)")
    } catch {
        invariant(!errors.isEmpty, "parse refused a spec diagnose accepted: \(error)")
    }
    return 0
}
