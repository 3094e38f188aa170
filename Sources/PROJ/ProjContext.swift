import CPROJ
import Foundation

/// A PROJ context (`PJ_CONTEXT`): the owner of every CRS and transformation made with it.
///
/// PROJ's rule: "a context … must not be used by two threads at the same time"; so this type is not `Sendable`:
/// make one per thread. Destruction order: every `CRS` and `Transformer` holds its context strongly, so their
/// `PJ` objects are always destroyed before `proj_context_destroy` runs in this class's `deinit`.
///
/// PROJ's log messages are captured here (never printed), and cleared before each wrapped call, so an error
/// message always belongs to the call that failed.
public final class ProjContext {
    let handle: OpaquePointer
    /// Messages PROJ logged since the last `beginCall()`.
    private(set) var messages: [String] = []

    /// See `proj_context_create`.
    public init() throws {
        // returns a new context, NULL when out of memory
        guard let handle = proj_context_create() else {
            throw PROJError.library(function: "proj_context_create", message: "cannot create a PROJ context")
        }
        self.handle = handle
        proj_log_level(handle, PJ_LOG_ERROR)  // errors only: PROJ's debug chatter is not for planners
        proj_log_func(handle, Unmanaged.passUnretained(self).toOpaque(), projLogHandler)
    }

    deinit {
        // Every PJ made from this context holds it strongly, so all of them are already destroyed here.
        proj_context_destroy(handle)
    }

    /// Forgets earlier messages: call before each PROJ call whose failure will be reported.
    func beginCall() {
        messages.removeAll(keepingCapacity: true)
    }

    /// The best description of the last failure: PROJ's logged message, else the context's errno text.
    func failureMessage() -> String {
        if let logged = messages.last, !logged.isEmpty { return logged }
        // returns the context's last error number (0 when none)
        let code = proj_context_errno(handle)
        guard code != 0, let text = proj_context_errno_string(handle, code) else { return "unknown PROJ error" }
        return String(cString: text)
    }

    fileprivate func record(_ message: String) {
        messages.append(message.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// PROJ's log callback: the context comes back as `app_data`.
private let projLogHandler: PJ_LOG_FUNCTION = { appData, _, message in
    guard let appData, let message else { return }
    Unmanaged<ProjContext>.fromOpaque(appData).takeUnretainedValue().record(String(cString: message))
}

/// Facts about the PROJ library in use.
public enum PROJLibrary {
    /// "9.1.1". See `proj_info`.
    public static var version: String {
        // returns a struct of static strings
        proj_info().version.map { String(cString: $0) } ?? "unknown"
    }
}
