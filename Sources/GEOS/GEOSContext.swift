import CGEOS
import Foundation

/// A GEOS context handle (`GEOSContextHandle_t`): the thing every `*_r` call names, and where GEOS reports
/// its errors.
///
/// Every ``Geometry``, ``PreparedGeometry`` and ``STRtree`` holds its context strongly, so a context lives
/// until the last object made from it is gone; objects are freed before their context (see `deinit`).
///
/// ## Threads
/// GEOS's header says of this type: "There should be only one GEOSContextHandle_t per thread." and
/// "Functions ending with _r are thread safe (reentrant)": the functions may run on many threads at once,
/// but each handle, and every geometry made with it, must be used by one thread at a time, because the
/// handle carries the message buffer and handlers that every call writes to. So this type is not
/// `Sendable`, nor is anything made from it: create one context per worker thread (as exactextract and
/// shapely do) and build that worker's geometries, prepared geometries and trees with it. `GEOS_init_r`
/// plus `GEOS_finish_r` cost about 30 ns (GEOS 3.11.1, measured here), but creation takes a process-wide
/// lock and WKB/WKT readers and writers are cached per context: keep one per worker, not one per call.
///
/// `GEOS_init_r` itself writes a process-wide interrupt flag without a lock (libgeos/geos #1311, reported
/// by GEOSwift #190/#192 under ThreadSanitizer), so creation is serialised here by a process-wide lock.
///
/// ## Messages
/// The context installs its own error and notice handlers, so GEOS never prints. Every wrapper call
/// clears the captured message first and reads it only when the call reports failure, so a message is
/// never stale: a failure followed by a success leaves nothing behind.
public final class GEOSContext {
    let handle: GEOSContextHandle_t

    /// The last error message GEOS gave during the current call, if any.
    private(set) var lastError: String?
    /// The last notice (warning) GEOS gave during the current call, if any.
    private(set) var lastNotice: String?

    // Readers and writers are made once per context and reused: they are cheap but not free, and a
    // national run converts millions of geometries. Owned here, destroyed in `deinit` before the handle.
    private var wkbReader: OpaquePointer?
    private var wkbWriter: OpaquePointer?
    private var wktReader: OpaquePointer?
    private var wktWriter: OpaquePointer?

    /// `GEOS_init_r` writes a global flag without synchronisation (libgeos/geos #1311).
    private static let creationLock = NSLock()

    /// Creates a context with message handlers that capture GEOS's words.
    ///
    /// See `GEOS_init_r`, `GEOSContext_setErrorMessageHandler_r`, `GEOSContext_setNoticeMessageHandler_r`.
    /// - Throws: ``GEOSError/library(function:message:)`` if GEOS cannot allocate a context.
    public init() throws {
        // returns NULL only when allocation fails
        guard let handle = GEOSContext.creationLock.withLock({ GEOS_init_r() }) else {
            throw GEOSError.library(function: "GEOS_init_r", message: "cannot create a GEOS context")
        }
        self.handle = handle
        // `self` outlives the handle (finished in deinit), so an unretained pointer never dangles.
        let me = Unmanaged.passUnretained(self).toOpaque()
        // return the previous handlers (none), NULL if the handle is not initialised
        _ = GEOSContext_setErrorMessageHandler_r(handle, errorHandler, me)
        _ = GEOSContext_setNoticeMessageHandler_r(handle, noticeHandler, me)  // same contract
    }

    deinit {
        // Readers and writers were made with this handle: free them while it is alive, then the handle.
        // no status: each frees what the matching create_r returned
        if let wkbReader { GEOSWKBReader_destroy_r(handle, wkbReader) }
        if let wkbWriter { GEOSWKBWriter_destroy_r(handle, wkbWriter) }
        if let wktReader { GEOSWKTReader_destroy_r(handle, wktReader) }
        if let wktWriter { GEOSWKTWriter_destroy_r(handle, wktWriter) }
        GEOS_finish_r(handle)  // no status; frees the handle, after which no call may name it
    }

    /// The GEOS library in use at run time, e.g. `3.11.1-CAPI-1.17.1`: for provenance records, and because
    /// behaviour differs between versions (M coordinates, `GEOSPreparedContainsXY_r`, `GEOSSTRtree_build_r`
    /// arrived in 3.12). See `GEOSversion`.
    public static var libraryVersion: String {
        // returns a static string owned by GEOS
        String(cString: GEOSversion())
    }

    // MARK: - Calls and messages

    /// Runs one GEOS call with cleared message slots, so what is read afterwards belongs to this call.
    @inline(__always)
    func call<T>(_ body: (GEOSContextHandle_t) throws -> T) rethrows -> T {
        lastError = nil
        lastNotice = nil
        return try body(handle)
    }

    /// The error for a call that reported failure, with GEOS's own message.
    func failure(_ function: String) -> GEOSError {
        .library(function: function, message: lastError ?? "GEOS reported a failure without a message")
    }

    /// Whether the last call left an error message: the only failure signal of GEOS's `void` functions
    /// (`GEOSSTRtree_insert_r`, `GEOSSTRtree_query_r`).
    var lastCallFailed: Bool { lastError != nil }

    fileprivate func record(error message: String) { lastError = message }
    fileprivate func record(notice message: String) { lastNotice = message }

    // MARK: - Cached readers and writers

    /// This context's WKB reader, made on first use. See `GEOSWKBReader_create_r`.
    func withWKBReader<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        if wkbReader == nil {
            // returns NULL on exception
            wkbReader = call { GEOSWKBReader_create_r($0) }
        }
        guard let wkbReader else { throw failure("GEOSWKBReader_create_r") }
        return try body(wkbReader)
    }

    /// This context's WKB writer, made on first use. See `GEOSWKBWriter_create_r`.
    func withWKBWriter<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        if wkbWriter == nil {
            // returns NULL on exception
            wkbWriter = call { GEOSWKBWriter_create_r($0) }
        }
        guard let wkbWriter else { throw failure("GEOSWKBWriter_create_r") }
        return try body(wkbWriter)
    }

    /// This context's WKT reader, made on first use. See `GEOSWKTReader_create_r`.
    func withWKTReader<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        if wktReader == nil {
            // returns NULL on exception
            wktReader = call { GEOSWKTReader_create_r($0) }
        }
        guard let wktReader else { throw failure("GEOSWKTReader_create_r") }
        return try body(wktReader)
    }

    /// This context's WKT writer, made on first use. See `GEOSWKTWriter_create_r`.
    func withWKTWriter<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        if wktWriter == nil {
            // returns NULL on exception
            wktWriter = call { GEOSWKTWriter_create_r($0) }
        }
        guard let wktWriter else { throw failure("GEOSWKTWriter_create_r") }
        return try body(wktWriter)
    }
}

// A context is used by one thread at a time (see above); saying so here turns an attempt to send one, or a
// geometry, prepared geometry or tree holding one, into a compile-time error instead of a data race.
@available(*, unavailable, message: "a GEOS context belongs to one thread; create one per thread")
extension GEOSContext: Sendable {}

// MARK: - C handlers

/// GEOS formats the message (at most 1023 bytes) and passes the pointer given at registration.
private let errorHandler: GEOSMessageHandler_r = { message, userData in
    guard let message, let userData else { return }
    let context = Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue()
    context.record(error: trimmedMessage(message))
}

private let noticeHandler: GEOSMessageHandler_r = { message, userData in
    guard let message, let userData else { return }
    let context = Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue()
    context.record(notice: trimmedMessage(message))
}

/// Some GEOS messages end with a newline ("point array must contain 0 or >1 elements\n").
private func trimmedMessage(_ message: UnsafePointer<CChar>) -> String {
    String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
}
