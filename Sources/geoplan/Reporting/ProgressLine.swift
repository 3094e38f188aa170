import Foundation

/// A progress line on stderr ("convert: 12,000 / 52,000 features (23 %)"), redrawn at most five times a second,
/// shown only when stderr is a terminal and `--quiet` was not given.
final class ProgressLine {
    private let label: String
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(label: String, quiet: Bool) {
        self.label = label
        enabled = !quiet && Console.stderrIsTerminal
    }

    func update(done: Int, total: Int?) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.2 else { return }
        lastDraw = Date()
        var text = "\(label): \(done.formatted()) "
        if let total, total > 0 {
            text += "/ \(total.formatted()) features (\(done * 100 / total) %)"
        } else {
            text += "features"
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        drawn = true
    }

    /// Shows a named step ("tambons: count schools").
    func update(step: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K\(label): \(step)").utf8))
        drawn = true
    }

    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
