import CGDAL

/// One message GDAL emitted during a call: a warning, an error or a debug note.
public struct GDALMessage: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: Hashable, Sendable {
        case debug, warning, failure, fatal
    }

    public let severity: Severity
    public let number: Int32
    public let text: String

    public var description: String { text }
}

/// Collects what GDAL says during one wrapped call.
///
/// GDAL keeps a per-thread stack of error handlers (`CPLPushErrorHandlerEx`); we push ours for the duration of
/// each call and pop it afterwards, so GDAL prints nothing to stderr on our behalf and the host program's own
/// handlers are left as they were (pyogrio #629 is what a process-wide handler does to a host).
final class CPLErrorCapture {
    private(set) var messages: [GDALMessage] = []

    /// The last error (not warning) message, or GDAL's last recorded error if the handler saw none.
    var lastFailure: String {
        if let failure = messages.last(where: { $0.severity == .failure || $0.severity == .fatal }) {
            return failure.text
        }
        // returns a thread-local string owned by GDAL, "" when none
        return String(cString: CPLGetLastErrorMsg())
    }

    var warnings: [GDALMessage] { messages.filter { $0.severity == .warning } }

    fileprivate func record(_ severity: CPLErr, _ number: CPLErrorNum, _ text: UnsafePointer<CChar>?) {
        let kind: GDALMessage.Severity
        switch severity {
        case CE_Warning: kind = .warning
        case CE_Failure: kind = .failure
        case CE_Fatal: kind = .fatal
        default: kind = .debug
        }
        guard kind != .debug else { return }
        messages.append(GDALMessage(severity: kind, number: number, text: text.map { String(cString: $0) } ?? ""))
    }
}

/// The C handler: finds the capture through GDAL's per-handler user data.
private let captureHandler: CPLErrorHandler = { severity, number, text in
    // returns the pointer given to CPLPushErrorHandlerEx for the handler now on top of this thread's stack
    guard let raw = CPLGetErrorHandlerUserData() else { return }
    Unmanaged<CPLErrorCapture>.fromOpaque(raw).takeUnretainedValue().record(severity, number, text)
}

/// Runs `body` with a fresh error state and our handler on this thread's stack, and returns what GDAL said.
///
/// `CPLErrorReset` first, so a failure seen afterwards belongs to this call and never to an earlier one
/// (JuliaGeo/GDAL.jl #68: a stale error reported by a later call).
@discardableResult
func withCPLErrorCapture<T>(_ body: (CPLErrorCapture) throws -> T) rethrows -> T {
    GDALLibrary.ensureRegistered()
    let capture = CPLErrorCapture()
    CPLErrorReset()
    CPLPushErrorHandlerEx(captureHandler, Unmanaged.passUnretained(capture).toOpaque())
    defer {
        CPLPopErrorHandler()
        CPLErrorReset()
    }
    return try withExtendedLifetime(capture) { try body(capture) }
}
