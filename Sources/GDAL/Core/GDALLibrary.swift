import CGDAL

/// Process-wide set-up of GDAL: driver registration, done exactly once.
///
/// GDAL's driver manager is global by design; `GDALAllRegister` must run before any open or create. A Swift
/// `static let` is initialised once, atomically (`swift_once`), so this is the only global the wrapper keeps.
public enum GDALLibrary {
    private static let registration: Void = {
        GDALAllRegister()  // registers every built-in and plug-in driver; idempotent
    }()

    /// Registers all drivers (once). Every entry point of this module calls it; callers need not.
    public static func ensureRegistered() {
        _ = registration
    }

    /// The GDAL release the program runs against, e.g. "3.6.2".
    ///
    /// See `GDALVersionInfo`.
    public static var version: String {
        // returns a static string owned by GDAL
        String(cString: GDALVersionInfo("RELEASE_NAME"))
    }
}
