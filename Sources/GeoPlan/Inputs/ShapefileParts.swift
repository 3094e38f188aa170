import Foundation

/// A Shapefile is several files; GDAL opens a `.shp` whose `.dbf` is missing as a layer with no fields, so the
/// first complaint would be "no field ADM3_PCODE" instead of the missing file.
enum ShapefileParts {
    static func checkTable(of path: String) throws {
        let url = URL(fileURLWithPath: path)
        // Only a regular file: a FIFO or a device named .shp is refused by the reader as what it is.
        guard url.pathExtension.lowercased() == "shp",
            (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
        else { return }
        let stem = url.deletingPathExtension().lastPathComponent
        let folder = url.deletingLastPathComponent().path
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let hasTable = siblings.contains { name in
            let sibling = URL(fileURLWithPath: name)
            return sibling.deletingPathExtension().lastPathComponent == stem
                && sibling.pathExtension.lowercased() == "dbf"
        }
        guard !hasTable else { return }
        throw GeoPlanError.input(
            path: path,
            reason: "its attribute table \"\(stem).dbf\" is missing beside it (a "
                + "Shapefile is a .shp, a .shx and a .dbf, with the same name); copy the .dbf there")
    }
}
