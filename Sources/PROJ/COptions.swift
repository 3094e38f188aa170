import Foundation

/// Calls `body` with `options` as the NULL-terminated `const char* const*` list PROJ's option parameters take.
func withCOptions<Result>(_ options: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> Result) -> Result {
    let copies = options.map { strdup($0) }  // returns malloc'ed copies we free, NULL when out of memory
    defer { copies.forEach { free($0) } }
    let list: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } } + [nil]
    return list.withUnsafeBufferPointer { body($0.baseAddress) }
}
