import Foundation

/// A property the code under test promises, checked on every fuzz input. A broken one must stop the fuzzer with
/// a crash (which libFuzzer saves as a reproducer), so this aborts on purpose: it is fuzzing code, never shipped.
public func invariant(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    guard !condition() else { return }
    FileHandle.standardError.write(Data("invariant broken at \(file):\(line): \(message())\n".utf8))
    abort()
}
