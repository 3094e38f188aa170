import Foundation

/// The hidden `.geoplan` folder geoplan uses in a folder while it writes outputs there: the staging of the outputs
/// being written and the journal of a commit under way. It is removed when empty, so a finished run leaves only
/// its outputs; one left behind holds what a killed geoplan staged, cleaned by the next one.
enum BookkeepingFolder {
    static let name = ".geoplan"

    /// `<folder>/.geoplan`, made if missing.
    static func path(in folder: String) throws -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw GeoPlanError.output(
                path: folder,
                reason: "cannot create its bookkeeping folder \"\(path)\": "
                    + systemErrorText(errno))
        }
        return path
    }

    /// Removes `<folder>/.geoplan` if nothing is left in it.
    static func removeIfEmpty(in folder: String) {
        rmdir((folder as NSString).appendingPathComponent(name))
    }

    /// `<folder>/.geoplan/<file>`, without making anything.
    static func file(_ file: String, in folder: String) -> String {
        ((folder as NSString).appendingPathComponent(name) as NSString).appendingPathComponent(file)
    }
}
