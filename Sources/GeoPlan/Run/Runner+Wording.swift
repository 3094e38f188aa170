import Foundation
import GDAL

/// A run of a spec file speaks the spec's language: a remedy says `assume_crs: EPSG:4326`, not the command line's
/// `--assume-crs`. A spec built by a command (`geoplan area`, no file) leaves remedies for that command to render.
extension Runner {
    static func inSpecWords<T>(_ spec: Spec, _ body: () throws -> T) throws -> T {
        guard let path = spec.path else { return try body() }
        do {
            return try body()
        } catch let error as SpecError {
            var worded = error
            worded.message = SpecWording.render(error.message)
            throw worded
        } catch  where SpecWording.render("\(error)") != "\(error)" {
            // Only an error naming a setting the spec has is re-worded; any other keeps its type for the caller.
            throw SpecError(path: path, message: SpecWording.render("\(error)"))
        }
    }

    static func specWords(_ text: String, _ spec: Spec) -> String {
        spec.path == nil ? text : SpecWording.render(text)
    }
}
