import Yams

extension SpecReader {
    /// An indicator read well enough to check its references once every indicator is known.
    struct Draft {
        var spec: IndicatorSpec
        var typeName: String
        var inputNode: Node?
        /// Indicator ids an expression or ratio reads, with where each is written.
        var references: [(id: String, location: SourceLocation?)]
        var expressionNode: Node?
        /// Other inputs the indicator reads (a zonal indicator's `weights`, an interpolation's table), with where
        /// each is written and the kinds it may be.
        var otherInputs: [(name: String, node: Node, kinds: [InputKind])] = []
        /// Where `kind:` and `weight:` (how values roll up) are written, for the checks that need every indicator.
        var valueKindNode: Node?
        var weightNode: Node?
    }
}
