import Foundation

/// Whether the suite runs under a sanitizer (`make sanitize` sets `GEOPLAN_SANITIZER`). Peak-memory bounds do not
/// hold there: AddressSanitizer's shadow memory and quarantine multiply resident memory several times over, so
/// those expectations are checked only in the plain suite, which CI also runs.
public enum Sanitizer {
    public static var name: String? { ProcessInfo.processInfo.environment["GEOPLAN_SANITIZER"] }

    /// True when peak-memory expectations mean something.
    public static var memoryIsMeasurable: Bool { name == nil }
}
