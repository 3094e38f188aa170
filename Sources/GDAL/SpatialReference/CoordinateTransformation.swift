import CGDAL

/// A transformation between two spatial references (`OGRCoordinateTransformationH`), lon/lat in and out.
///
/// By default PROJ chooses the operation (per point, by area of use and accuracy). Pass `operation` (a PROJ
/// pipeline string or an operation code such as `EPSG:1304`) to force one: callers learn which operations exist,
/// and which PROJ prefers, from the PROJ module, and pass the choice here so GDAL applies exactly that.
///
/// Not `Sendable`: a transformation caches PROJ objects bound to the thread that made it.
public final class CoordinateTransformation {
    let handle: OGRCoordinateTransformationH
    public let source: SpatialReference
    public let target: SpatialReference

    /// See `OCTNewCoordinateTransformationEx`, `OCTCoordinateTransformationOptionsSetOperation`.
    public init(from source: SpatialReference, to target: SpatialReference, operation: String? = nil) throws {
        self.source = source
        self.target = target
        // returns a new options object, NULL on failure
        guard let options = OCTNewCoordinateTransformationOptions() else {
            throw GDALError.library(
                function: "OCTNewCoordinateTransformationOptions", message: "out of memory",
                context: "transforming from \(source) to \(target)")
        }
        defer { OCTDestroyCoordinateTransformationOptions(options) }
        handle = try withCPLErrorCapture { capture in
            if let operation {
                // returns TRUE on success; reverse=FALSE: the operation goes from source to target
                guard OCTCoordinateTransformationOptionsSetOperation(options, operation, 0) != 0 else {
                    throw GDALError.library(
                        function: "OCTCoordinateTransformationOptionsSetOperation",
                        message: capture.lastFailure,
                        context: "using operation \"\(operation)\"")
                }
            }
            // returns NULL when PROJ finds no way between the two CRSs
            guard let handle = OCTNewCoordinateTransformationEx(source.handle, target.handle, options) else {
                throw GDALError.library(
                    function: "OCTNewCoordinateTransformationEx", message: capture.lastFailure,
                    context: "cannot transform from \(source) to \(target)")
            }
            return handle
        }
    }

    deinit {
        OCTDestroyCoordinateTransformation(handle)
    }

    /// Transforms one position (x/lon, y/lat).
    public func transform(x: Double, y: Double) throws -> (x: Double, y: Double) {
        var xs = [x]
        var ys = [y]
        var success: Int32 = 0
        try withCPLErrorCapture { capture in
            // returns TRUE if at least one point transformed; per-point success in `success`
            let ok = OCTTransformEx(handle, 1, &xs, &ys, nil, &success)
            guard ok != 0, success != 0, xs[0].isFinite, ys[0].isFinite else {
                throw GDALError.library(
                    function: "OCTTransformEx", message: capture.lastFailure,
                    context: "cannot transform point (\(x), \(y)) from \(source) to \(target)")
            }
        }
        return (xs[0], ys[0])
    }

    /// The smallest box holding a transformed box, its edges densified with `densify` points each so that
    /// curved edges are not cut short. See `OCTTransformBounds`.
    public func transformBounds(_ box: Envelope, densify: Int32 = 21) throws -> Envelope {
        var minX = 0.0
        var minY = 0.0
        var maxX = 0.0
        var maxY = 0.0
        try withCPLErrorCapture { capture in
            // returns TRUE on success
            guard
                OCTTransformBounds(
                    handle, box.minX, box.minY, box.maxX, box.maxY, &minX, &minY, &maxX, &maxY,
                    densify) != 0
            else {
                throw GDALError.library(
                    function: "OCTTransformBounds", message: capture.lastFailure,
                    context: "cannot transform the extent \(box) to \(target)")
            }
        }
        return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }
}
