import Foundation
import GEOS
import Locking

/// Computes the per-area indicators (area, perimeter, compactness, count, length, share, mix) over chunks of
/// areas on `jobs` threads, each with its own GEOS context, PROJ objects and copies of the geometries it
/// touches, and stitches the chunks' rows back into the boundary set's order.
///
/// The answer does not depend on `jobs` or on how the areas are chunked: every rule that looks across a border
/// (points on a border, lines along one) sees the same neighbours in every chunk, each area is computed in
/// exactly one chunk, and counters are sums over areas.
enum ParallelCompute {
    /// What the main thread is told while the workers run.
    struct Progress: Sendable {
        var areasDone: Int
        var areas: Int
        var chunksDone: Int
        var chunks: Int
        var seconds: Double

        /// At the pace so far, the seconds the areas still to do will take (nil before the first and after the last).
        var secondsLeft: Int? {
            guard areasDone > 0, areasDone < areas else { return nil }
            return Int((seconds / Double(areasDone) * Double(areas - areasDone)).rounded())
        }
    }

    /// Per indicator (in `indicators`' order), its columns and a row per area of the whole set (rows of areas
    /// not in `selected` are null), counters and warnings; and per indicator the seconds its computation took,
    /// summed over threads.
    struct Outcome {
        var results: [IndicatorResult]
        var threadSeconds: [Double]
    }

    /// A chunk's computation failed: the error, and the indicator it came from when known.
    struct Failure: Error {
        var indicator: Int?
        var error: any Error
    }

    static func run(
        _ indicators: [IndicatorSpec], inputs: [InputSpec], specPath: String?, boundarySpec: BoundarySpec,
        shapes: AreaShapes,
        selected: [Int], stores: [String: FeatureStore], folder: String?, jobs: Int,
        chunkSize: Int, progress: (Progress) -> Void
    ) throws -> Outcome {
        let chunks = ChunkPlan.chunks(
            boxes: shapes.boxes, selected: selected, jobs: jobs, maxChunkSize: chunkSize, vertices: shapes.vertices)
        let state = WorkState(chunks: chunks.count, areas: selected.count)
        let workers = max(1, min(jobs, chunks.count))
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            let thread = Thread {
                while let number = state.next() {
                    do {
                        let outcome = try compute(
                            chunks[number], indicators: indicators, inputs: inputs,
                            specPath: specPath,
                            boundarySpec: boundarySpec, shapes: shapes, stores: stores,
                            folder: folder)
                        state.finish(number, outcome, areas: chunks[number].coreCount)
                    } catch {
                        state.fail(error)
                    }
                }
                finished.signal()
            }
            // GEOS overlays recurse; give them the main thread's room.
            thread.stackSize = 16 << 20
            thread.start()
        }
        var running = workers
        var reported = -1
        while running > 0 {
            if finished.wait(timeout: .now() + 0.25) == .success { running -= 1 }
            let now = state.progress
            if now.areasDone != reported { progress(now) }
            reported = now.areasDone
        }
        let outcomes = try state.outcomes()
        return try merge(outcomes, indicators: indicators, areaCount: shapes.count)
    }

    /// One chunk, on the calling (worker) thread.
    private static func compute(
        _ chunk: Chunk, indicators: [IndicatorSpec], inputs: [InputSpec], specPath: String?,
        boundarySpec: BoundarySpec,
        shapes: AreaShapes, stores: [String: FeatureStore], folder: String?
    ) throws
        -> ChunkOutcome
    {
        let context = try GEOSContext()
        let boundaries = try BoundarySet.part(
            of: boundarySpec, areas: shapes.areas(chunk.areas, context: context),
            context: context)
        let run = RunContext(
            inputs: inputs, specPath: specPath, boundaries: boundaries, context: context,
            folder: folder, core: chunk.core, window: chunk.window, stores: stores)
        let coreRows = chunk.core.indices.filter { chunk.core[$0] }
        var results: [IndicatorResult] = []
        var seconds: [Double] = []
        for (position, indicator) in indicators.enumerated() {
            let clock = Date()
            do {
                var result = try indicator.definition.compute(indicator, run)
                result.rows = coreRows.map { result.rows[$0] }
                results.append(result)
            } catch {
                throw Failure(indicator: position, error: error)
            }
            seconds.append(Date().timeIntervalSince(clock))
        }
        return ChunkOutcome(areas: coreRows.map { chunk.areas[$0] }, results: results, seconds: seconds)
    }

    /// The chunks' rows in the boundary set's order, counters summed.
    private static func merge(_ outcomes: [ChunkOutcome], indicators: [IndicatorSpec], areaCount: Int) throws
        -> Outcome
    {
        var merged: [IndicatorResult] = []
        var threadSeconds = [Double](repeating: 0, count: indicators.count)
        for (position, indicator) in indicators.enumerated() {
            guard let first = outcomes.first?.results[position] else { continue }
            var result = IndicatorResult(
                columns: first.columns,
                rows: Array(
                    repeating: Array(repeating: .null, count: first.columns.count),
                    count: areaCount))
            var warnings = Set<String>()
            for outcome in outcomes {
                let part = outcome.results[position]
                guard part.columns == first.columns else {
                    throw GeoPlanError.input(
                        path: indicator.id, reason: "internal error: chunks made different columns")
                }
                for (row, area) in zip(part.rows, outcome.areas) { result.rows[area] = row }
                result.counters.merge(part.counters, uniquingKeysWith: +)
                result.inputCounters = part.inputCounters
                for warning in part.warnings where warnings.insert(warning).inserted { result.warnings.append(warning) }
                threadSeconds[position] += outcome.seconds[position]
            }
            merged.append(result)
        }
        return Outcome(results: merged, threadSeconds: threadSeconds)
    }
}

/// What a worker hands back for one chunk: per indicator, the rows of its core areas.
struct ChunkOutcome: Sendable {
    /// Positions in the whole set of the rows' areas.
    let areas: [Int]
    let results: [IndicatorResult]
    let seconds: [Double]
}

/// The chunks still to do, the outcomes so far and the first failure, shared by the workers under a lock.
private final class WorkState: Sendable {
    private struct Tally {
        var nextChunk = 0
        var done: [ChunkOutcome?]
        var failure: (any Error)?
        var areasDone = 0
        var chunksDone = 0
    }

    private let tally: LockedBox<Tally>
    private let areas: Int
    private let started = Date()

    init(chunks: Int, areas: Int) {
        tally = LockedBox(Tally(done: Array(repeating: nil, count: chunks)))
        self.areas = areas
    }

    /// The next chunk to compute, or nil when all are taken or one failed.
    func next() -> Int? {
        tally.withLock { tally in
            guard tally.failure == nil, tally.nextChunk < tally.done.count else { return nil }
            defer { tally.nextChunk += 1 }
            return tally.nextChunk
        }
    }

    func finish(_ chunk: Int, _ outcome: ChunkOutcome, areas count: Int) {
        tally.withLock { tally in
            tally.done[chunk] = outcome
            tally.areasDone += count
            tally.chunksDone += 1
        }
    }

    func fail(_ error: any Error) {
        tally.withLock { tally in if tally.failure == nil { tally.failure = error } }
    }

    var progress: ParallelCompute.Progress {
        tally.withLock { tally in
            ParallelCompute.Progress(
                areasDone: tally.areasDone, areas: areas, chunksDone: tally.chunksDone,
                chunks: tally.done.count, seconds: Date().timeIntervalSince(started))
        }
    }

    /// Every chunk's outcome, in chunk order, or the first failure.
    func outcomes() throws -> [ChunkOutcome] {
        try tally.withLock { tally in
            if let failure = tally.failure { throw failure }
            return tally.done.compactMap { $0 }
        }
    }
}
