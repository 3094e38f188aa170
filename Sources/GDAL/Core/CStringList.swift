import CGDAL

/// An owned GDAL string list (`char **`, NULL-terminated), as GDAL takes options: `["RFC7946=YES", …]`.
final class CStringList {
    private(set) var pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    init(_ strings: [String] = []) {
        for string in strings {
            // returns the (possibly reallocated) list; copies the string
            pointer = CSLAddString(pointer, string)
        }
    }

    convenience init(options: [String: String]) {
        self.init(options.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
    }

    deinit {
        CSLDestroy(pointer)  // frees every string and the list; NULL is fine
    }

    /// The same list typed as the `const char *const *` some GDAL functions take.
    var constPointer: UnsafePointer<UnsafePointer<CChar>?>? {
        UnsafeRawPointer(pointer)?.assumingMemoryBound(to: UnsafePointer<CChar>?.self)
    }
}

/// Takes ownership of a `char *` that GDAL allocated with `CPLMalloc`, and frees it.
func takeCPLString(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
    guard let pointer else { return nil }
    defer { VSIFree(pointer) }
    return String(cString: pointer)
}
