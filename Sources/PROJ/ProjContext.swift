import CPROJ
import Foundation

/// A PROJ context (`PJ_CONTEXT`): the owner of every CRS and transformation made with it, and the place where
/// PROJ's messages are collected.
///
/// ## Threads
/// Not `Sendable`. PROJ's rule (PROJ 9.1 reference, `PJ_CONTEXT`): *"Context objects enable safe multi-threaded
/// usage of PROJ … All operations within a context should be performed in the same thread."*, and of every object
/// made in one: *"It should be used by at most one thread at a time."* So a context must not be used by two
/// threads at once: make one per thread, with its own `CRS` and `Transformer` objects; creating a transformer
/// costs milliseconds, so keep it for the thread's lifetime.
///
/// ## Messages and errors
/// PROJ never prints: a log function captures its messages here, and each wrapped call clears them and resets
/// the context's error number first, then reads and resets both after a failure, so a message always belongs to
/// the call that failed and none is left for the next call.
///
/// See `proj_context_create`, `proj_log_func`, `proj_context_errno`.
public final class ProjContext {
    let handle: OpaquePointer
    /// A trivial `+proj=noop` object whose only use is `proj_errno_reset`: PROJ 9.1 can reset a context's error
    /// number only through one of its `PJ`s (`proj_context_errno_set` is not public).
    private let errnoResetter: OpaquePointer
    /// Messages PROJ logged since the last `beginCall()`.
    private(set) var messages: [String] = []

    /// See `proj_context_create`.
    public init() throws {
        // returns a new context, NULL when out of memory
        guard let handle = proj_context_create() else {
            throw PROJError.library(function: "proj_context_create", message: "cannot create a PROJ context")
        }
        // returns a new PJ, NULL on failure (noop needs neither proj.db nor grids)
        guard let resetter = proj_create(handle, "+proj=noop") else {
            proj_context_destroy(handle)
            throw PROJError.library(function: "proj_create", message: "cannot create PROJ's noop operation")
        }
        self.handle = handle
        errnoResetter = resetter
        // returns the previous level; errors only: PROJ's debug output is not for planners
        _ = proj_log_level(handle, PJ_LOG_ERROR)
        // replaces PROJ's stderr logger for this context; `self` outlives the context, which deinit destroys
        proj_log_func(handle, Unmanaged.passUnretained(self).toOpaque(), projLogHandler)
    }

    deinit {
        // Destruction order: every CRS and Transformer holds this context strongly, so all their PJ objects are
        // already destroyed when this runs; our own resetter PJ goes next, and the context last.
        proj_destroy(errnoResetter)
        proj_context_destroy(handle)
    }

    // MARK: - Per-call message handling

    /// Forgets earlier messages and resets the error number: call before each PROJ call whose failure is reported.
    func beginCall() {
        messages.removeAll(keepingCapacity: true)
        // returns the previous error number, which is discarded
        _ = proj_errno_reset(errnoResetter)
    }

    /// The error number PROJ set since `beginCall()`, 0 when none. See `proj_context_errno`.
    var errorNumber: Int32 {
        proj_context_errno(handle)  // returns the context's last error number
    }

    /// Why a creation call (`proj_create*`) failed: PROJ's logged words, else its error-number text. Then clears
    /// both, so nothing is stale.
    func takeCreationFailure() -> String {
        defer { beginCall() }
        let logged = loggedText()
        if !logged.isEmpty { return logged }
        return errorText(errorNumber) ?? "PROJ gave no reason"
    }

    /// Why a coordinate failed to transform: the error number's text ("Invalid coordinate") and PROJ's logged
    /// detail ("Invalid latitude"). Then clears both.
    func takeTransformFailure() -> String {
        defer { beginCall() }
        let logged = loggedText()
        let text = errorText(errorNumber)
        switch (text, logged.isEmpty) {
        case let (text?, false): return logged.contains(text) ? logged : "\(text): \(logged)"
        case let (text?, true): return text
        case (nil, false): return logged
        case (nil, true): return "outside the operation's domain"
        }
    }

    /// The text of a PROJ error number; nil for 0 and for the generic `PROJ_ERR_OTHER`, whose text ("Unknown
    /// error (code 4096)") says nothing. See `proj_context_errno_string`.
    func errorText(_ code: Int32) -> String? {
        guard code != 0, code != PROJ_ERR_OTHER else { return nil }
        // returns a string owned by the context (valid until the next call), NULL for unknown codes
        return proj_context_errno_string(handle, code).map { String(cString: $0) }
    }

    /// Logged messages without their C function or projection prefix ("proj_create: crs not found" → "crs not
    /// found"), distinct, joined.
    private func loggedText() -> String {
        var seen: [String] = []
        for message in messages {
            let stripped = Self.withoutPrefix(message)
            if !stripped.isEmpty, !seen.contains(stripped) { seen.append(stripped) }
        }
        return seen.joined(separator: "; ")
    }

    static func withoutPrefix(_ message: String) -> String {
        guard let colon = message.range(of: ": ") else { return message }
        let head = message[..<colon.lowerBound]
        let isIdentifier =
            !head.isEmpty && head.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            && head.first?.isLowercase == true
        return isIdentifier ? String(message[colon.upperBound...]) : message
    }

    fileprivate func record(_ message: String) {
        let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { messages.append(trimmed) }
    }
}

@available(*, unavailable, message: "a PROJ context must not be used by two threads at once: make one per thread")
extension ProjContext: Sendable {}

/// PROJ's log callback: the context comes back as `app_data`; called on the thread using the context.
private let projLogHandler: PJ_LOG_FUNCTION = { appData, _, message in
    guard let appData, let message else { return }
    Unmanaged<ProjContext>.fromOpaque(appData).takeUnretainedValue().record(String(cString: message))
}
