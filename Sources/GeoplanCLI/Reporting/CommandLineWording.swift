import GeoPlan

/// How the command line names a setting: `--assume-crs EPSG:4326`, `--wrap-longitudes`.
enum CommandLineWording {
    static func phrase(_ remedy: Remedy) -> String? {
        let option = "--" + remedy.setting.replacingOccurrences(of: "_", with: "-")
        guard let example = remedy.example else { return option }
        return "\(option) \(example)"
    }

    /// `text` with every remedy rendered as an option.
    static func render(_ text: String) -> String { Remedy.render(text, phrase) }
}
