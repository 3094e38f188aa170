import CPROJ

/// Facts about the PROJ library in use.
public enum PROJLibrary {
    /// "9.1.1". See `proj_info`.
    public static var version: String {
        // returns a struct of static strings
        proj_info().version.map { String(cString: $0) } ?? "unknown"
    }
}
