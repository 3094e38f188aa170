import Foundation
import GeoPlan

/// Progress on stderr, at most five times a second: a redrawn line ("convert: 12,000 / 52,000 features (23 %)")
/// when stderr is a terminal, or with `--progress json` one JSON object per line
/// (`{"command":"convert","done":12000,"total":52000}`, `{"command":"run","step":"tambons: count schools"}`),
/// which apps that call geoplan can read whatever stderr is. Nothing with `--quiet` or `--progress none`.
final class ProgressLine {
    private let label: String
    private let enabled: Bool
    private let json: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(label: String, quiet: Bool, mode: ProgressMode = .auto) {
        self.label = label
        json = mode == .json
        enabled = !quiet && mode != .none && (json || Console.stderrIsTerminal)
    }

    func update(done: Int, total: Int?) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.2 else { return }
        lastDraw = Date()
        if json {
            var record: [String: Any] = ["command": label, "done": done]
            if let total { record["total"] = total }
            emit(record)
            return
        }
        var text = "\(label): \(done.formatted()) "
        if let total, total > 0 {
            text += "/ \(total.formatted()) features (\(done * 100 / total) %)"
        } else {
            text += "features"
        }
        Console.printToStandardError("\r\u{1B}[K" + text)
        drawn = true
    }

    /// Shows a run's step: as its text, or in JSON as its typed fields beside the text (`step`).
    func update(event: RunEvent) {
        update(step: event.description, fields: event.fields)
    }

    /// Shows a step of the governance partition.
    func update(governance step: GovernanceStep) {
        update(step: step.description, fields: step.fields)
    }

    /// Shows a named step ("tambons: count schools"), with its values for programs.
    func update(step: String, fields: [String: RunEventValue] = [:]) {
        guard enabled else { return }
        if json {
            var record: [String: Any] = ["command": label, "step": step]
            for (name, value) in fields {
                switch value {
                case let .text(text): record[name] = text
                case let .integer(number): record[name] = number
                }
            }
            emit(record)
            return
        }
        Console.printToStandardError("\r\u{1B}[K\(label): \(step)")
        drawn = true
    }

    private func emit(_ record: [String: Any]) {
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return }
        Console.printToStandardError(String(decoding: data, as: UTF8.self) + "\n")
    }

    func finish() {
        guard drawn else { return }
        Console.printToStandardError("\r\u{1B}[K")
        drawn = false
    }
}
