import Foundation

extension RandomAccessCollection where Index == Int, Self: Sendable, Element: Sendable {
    /// `map` on all cores, results in order: for pure work on thousands of independent items (each arc's vertex
    /// ranks, each feature's geodesic area), split into a few chunks per core so uneven items even out.
    func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) -> [T] {
        let total = count
        let chunks = Swift.min(total, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard chunks > 1 else { return map(transform) }
        let start = startIndex
        return [T](unsafeUninitializedCapacity: total) { buffer, initialised in
            let results = ResultSlots(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for offset in (total * chunk / chunks)..<(total * (chunk + 1) / chunks) {
                    results.base?.advanced(by: offset).initialize(to: transform(self[start + offset]))
                }
            }
            initialised = total
        }
    }
}

/// The result buffer, shared by the chunks: each writes only its own range of slots.
private struct ResultSlots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>?
}
