import Dispatch
import Foundation
import GeoPlan

/// Ctrl-C (SIGINT) and SIGTERM: the staged outputs are removed — a commit under way first finishes or rolls back, so
/// the folders hold one whole set — and the process exits 130 or 143, as shells report a death by those signals.
enum Interruption {
    static func install() {
        _ = SignalHandlers.shared
    }
}

/// The dispatch sources that watch the two signals; made once, never changed (a signal is process-wide).
private final class SignalHandlers: @unchecked Sendable {
    static let shared = SignalHandlers()

    private let sources: [DispatchSourceSignal]

    private init() {
        sources = [(SIGINT, Int32(130)), (SIGTERM, Int32(143))].map { signalNumber, status in
            signal(signalNumber, SIG_IGN)  // delivered to the source below instead of killing the process
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                OutputSet.abandonAll()
                let message = "geoplan: interrupted; nothing was committed that was not complete\n"
                _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
                _exit(status)  // not exit(): the other threads may be inside GDAL or GEOS
            }
            source.resume()
            return source
        }
    }
}
