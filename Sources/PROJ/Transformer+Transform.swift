import CPROJ

extension Transformer {
    /// Positions handled per `proj_trans_generic` call: their inputs are kept to name a failure.
    private static let chunk = 1024

    // MARK: - One position

    /// Transforms one position (lon/lat or x/y) from the source CRS to the target's. See `proj_trans`.
    /// - Throws: `PROJError.transformFailed` (index nil) with PROJ's reason.
    public func transform(_ position: XY) throws -> XY {
        try apply(position, direction: PJ_FWD)
    }

    /// Transforms one position from the target CRS back to the source's. See `proj_trans`.
    public func inverse(_ position: XY) throws -> XY {
        try apply(position, direction: PJ_INV)
    }

    // MARK: - Many positions, in place

    /// Transforms interleaved positions in place: `x0, y0, x1, y1, …`, or `stride` values per position of which
    /// the first two are x and y (lon and lat) and the others (z, m) are left untouched.
    ///
    /// Every output is checked: a position PROJ could not transform (HUGE_VAL) throws
    /// `PROJError.transformFailed` with its index and input, and the array is then partly transformed.
    /// See `proj_trans_generic`.
    public func transform(interleaved coordinates: inout [Double], stride: Int = 2) throws {
        try coordinates.withUnsafeMutableBufferPointer { try run($0, stride: stride, direction: PJ_FWD) }
    }

    /// Transforms interleaved positions back from the target CRS to the source's, in place.
    public func inverse(interleaved coordinates: inout [Double], stride: Int = 2) throws {
        try coordinates.withUnsafeMutableBufferPointer { try run($0, stride: stride, direction: PJ_INV) }
    }

    /// `transform(interleaved:stride:)` over memory the caller owns, without copying.
    public func transform(interleaved coordinates: UnsafeMutableBufferPointer<Double>, stride: Int = 2) throws {
        try run(coordinates, stride: stride, direction: PJ_FWD)
    }

    /// `inverse(interleaved:stride:)` over memory the caller owns, without copying.
    public func inverse(interleaved coordinates: UnsafeMutableBufferPointer<Double>, stride: Int = 2) throws {
        try run(coordinates, stride: stride, direction: PJ_INV)
    }

    // MARK: - Applying the steps

    private func orderedSteps(_ direction: PJ_DIRECTION) -> [OpaquePointer] {
        direction == PJ_FWD ? steps : steps.reversed()
    }

    private func apply(_ position: XY, direction: PJ_DIRECTION) throws -> XY {
        var coordinate = proj_coord(position.x, position.y, 0, .infinity)  // t = HUGE_VAL: no epoch
        for step in orderedSteps(direction) {
            // returns the transformed coordinate, HUGE_VAL components on failure
            coordinate = proj_trans(step, direction, coordinate)
        }
        guard coordinate.xy.x.isFinite, coordinate.xy.y.isFinite else {
            throw failure(at: nil, x: position.x, y: position.y, direction: direction)
        }
        return XY(x: coordinate.xy.x, y: coordinate.xy.y)
    }

    private func run(_ buffer: UnsafeMutableBufferPointer<Double>, stride: Int, direction: PJ_DIRECTION) throws {
        guard stride >= 2 else {
            throw PROJError.invalidArgument(
                function: "proj_trans_generic",
                message: "a stride of \(stride) leaves no room for x and y")
        }
        guard buffer.count % stride == 0 else {
            throw PROJError.invalidArgument(
                function: "proj_trans_generic",
                message: "\(buffer.count) values are not whole positions of \(stride)")
        }
        let count = buffer.count / stride
        guard count > 0, let base = buffer.baseAddress else { return }
        let steps = orderedSteps(direction)
        let bytes = MemoryLayout<Double>.stride * stride
        try withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * min(count, Self.chunk)) { saved in
            var start = 0
            while start < count {
                let size = min(Self.chunk, count - start)
                let first = base + start * stride
                for index in 0..<size {
                    saved[2 * index] = first[index * stride]
                    saved[2 * index + 1] = first[index * stride + 1]
                }
                for step in steps {
                    // returns the number of positions processed; failed ones become HUGE_VAL (PROJ 9.1 keeps no
                    // per-position error number, so a failure is explained by re-running its position alone)
                    _ = proj_trans_generic(
                        step, direction, first, bytes, size, first + 1, bytes, size,
                        nil, 0, 0, nil, 0, 0)
                }
                for index in 0..<size where !first[index * stride].isFinite || !first[index * stride + 1].isFinite {
                    throw failure(
                        at: start + index, x: saved[2 * index], y: saved[2 * index + 1],
                        direction: direction)
                }
                start += size
            }
        }
    }

    /// Why (`x`, `y`) failed: it is re-run alone through each step, so the error number and log are its own.
    private func failure(at index: Int?, x: Double, y: Double, direction: PJ_DIRECTION) -> PROJError {
        guard x.isFinite, y.isFinite else {
            return .transformFailed(
                function: "proj_trans", message: "the input is not a finite number",
                index: index, x: x, y: y)
        }
        var coordinate = proj_coord(x, y, 0, .infinity)
        for step in orderedSteps(direction) {
            context.beginCall()
            // returns the transformed coordinate, HUGE_VAL components on failure (error number on the context)
            coordinate = proj_trans(step, direction, coordinate)
            if !coordinate.xy.x.isFinite || !coordinate.xy.y.isFinite {
                return .transformFailed(
                    function: "proj_trans", message: context.takeTransformFailure(),
                    index: index, x: x, y: y)
            }
        }
        return .transformFailed(
            function: "proj_trans_generic", message: "PROJ returned no finite result",
            index: index, x: x, y: y)
    }
}
