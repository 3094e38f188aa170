import GDAL

extension OGRGeometry {
    /// A copy with every x moved by `degrees` (Z and M kept): a lon/lat feature wrapped by whole turns for an output
    /// in its own CRS. The copy because a feature's geometry is borrowed from it.
    func shiftingLongitudes(by degrees: Double) throws -> OGRGeometry {
        let copy = try clone()
        guard degrees != 0 else { return copy }
        try copy.transformXY { xy in
            for index in stride(from: 0, to: xy.count - 1, by: 2) { xy[index] += degrees }
        }
        return copy
    }
}
