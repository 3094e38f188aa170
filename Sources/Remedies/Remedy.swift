import Foundation

/// A setting the user can change to get past a problem, named without any front-end's words.
///
/// The command line spells the encoding setting `--encoding CP874`, a spec `encoding: CP874`, a library caller a
/// field of its options. Code that finds a problem cannot know which front-end reached it, so it writes the remedy
/// as a token inside its message (`Remedy.encoding("CP874").token`); each front-end renders the tokens of every
/// message it shows in its own words (`Remedy.render(_:_:)`). Messages, warnings and nested errors stay plain
/// strings on the way up, and no remedy can reach a user in the wrong language.
public struct Remedy: Hashable, Sendable {
    /// The setting's key as a spec writes it: `encoding`, `assume_crs`, `where`.
    public let setting: String
    /// A value to show with it (`CP874`), or nil for a switch (`wrap_longitudes`).
    public let example: String?

    /// `example` may hold letters, digits and `:_.-/` only, so that a token never needs escaping in JSON or text.
    public init(setting: String, example: String? = nil) {
        self.setting = setting
        self.example = example.map { value in
            String(value.unicodeScalars.filter { Self.exampleCharacters.contains($0) }.map(Character.init))
        }
    }

    public static func layer(_ name: String? = nil) -> Remedy { Remedy(setting: "layer", example: name) }
    public static func encoding(_ name: String? = nil) -> Remedy { Remedy(setting: "encoding", example: name) }
    public static func whereClause() -> Remedy { Remedy(setting: "where") }

    /// The remedy as it travels inside a message: `⟦encoding=CP874⟧`.
    public var token: String {
        Self.open + setting + (example.map { "=" + $0 } ?? "") + Self.close
    }

    /// `text` with every remedy token replaced by `wording`'s phrase for it; a token the wording leaves (returns
    /// nil for) stays, for the next front-end out to render.
    public static func render(_ text: String, _ wording: (Remedy) -> String?) -> String {
        guard text.contains(open) else { return text }
        var rendered = ""
        var rest = Substring(text)
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
            rendered += rest[..<start.lowerBound]
            let body = rest[start.upperBound..<end.lowerBound]
            let parts = body.split(separator: "=", maxSplits: 1).map(String.init)
            let remedy = Remedy(setting: parts.first ?? "", example: parts.count > 1 ? parts[1] : nil)
            rendered += wording(remedy) ?? String(rest[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
        }
        return rendered + rest
    }

    /// Plain words for a library caller or a log that has no front-end: `the encoding setting (CP874)`.
    public static func plainWording(_ remedy: Remedy) -> String? {
        "the \(remedy.setting) setting" + (remedy.example.map { " (\($0))" } ?? "")
    }

    private static let open = "⟦"
    private static let close = "⟧"
    private static let exampleCharacters = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:_.-/"
            .unicodeScalars)
}
