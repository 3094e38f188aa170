import Dispatch
import Foundation
import GDAL
import GEOS

/// geoplan's own GeoJSON writer (RFC 7946): WGS 84 lon/lat as given, right-hand rings, antimeridian cut, a `bbox`
/// for every feature and the collection, an `id` member from a chosen field, typed properties, reals in the
/// shortest form that reads back exactly, coordinates at full precision or on a decimal grid without breaking a
/// polygon (`ValidRounding`). Laid out as `GeoJSONLayout` says.
///
/// Streaming with bounded memory: features are queued in batches; a batch is encoded on every core (each thread
/// with its own GEOS context) while the caller reads the next one, and written in order through a `CheckedFile`,
/// so a full disk is an error naming the output. At most two batches are held at a time.
///
/// Not `Sendable`: one caller thread.
public final class GeoJSONWriter {
    public struct Options: Sendable {
        /// The collection's `name` member.
        public var layerName: String
        /// Decimals of coordinates; nil (or more than 15) for the shortest form that reads back exactly.
        public var decimals: Int?
        /// The field whose value becomes each feature's `id` instead of a property.
        public var idField: String?
        /// Encoding threads (default: every core).
        public var threads: Int
        /// Features encoded together (fewer when their geometries are large).
        public var batchSize: Int

        public init(
            layerName: String, decimals: Int? = nil, idField: String? = nil,
            threads: Int = ProcessInfo.processInfo.activeProcessorCount, batchSize: Int = 512
        ) {
            self.layerName = layerName
            self.decimals = decimals
            self.idField = idField
            self.threads = threads
            self.batchSize = batchSize
        }
    }

    private let file: CheckedFile
    private let encoder: GeoJSONFeatureEncoder
    private let grid: CoordinateGrid?
    private let threads: Int
    private let batchSize: Int
    private var pending: [PendingFeature] = []
    private var pendingBytes = 0
    private var inFlight: BatchJob?
    private var collectionBox = GeoJSONBox()
    private var anyFeatureWritten = false
    private var finished = false
    public private(set) var counts: GeoJSONWriteCounts
    /// Features written so far (queued ones included).
    public private(set) var written = 0

    /// A batch is sent to the encoding threads once its geometries reach this many WKB bytes.
    private static let batchBytes = 4 << 20

    /// Writes the collection's head into `file`, which the writer then owns until `finish()`.
    public init(file: CheckedFile, schema: LayerSchema, options: Options) throws {
        self.file = file
        encoder = GeoJSONFeatureEncoder(schema: schema, idField: options.idField)
        grid = options.decimals.flatMap(CoordinateGrid.init(decimals:))
        threads = max(1, options.threads)
        batchSize = max(1, options.batchSize)
        counts = GeoJSONWriteCounts(properties: encoder.properties.count)
        try file.write(GeoJSONLayout.head(name: options.layerName))
    }

    deinit {
        inFlight?.group.wait()  // never leave a worker writing into a job no one holds
    }

    /// The properties' names, in the order `counts.nonFiniteByProperty` counts them.
    public var propertyNames: [String] { encoder.properties.map(\.name) }

    /// Queues one feature: its values in schema order and its geometry as WKB (nil for none; curves linearised).
    public func write(values: [FieldValue], wkb: [UInt8]?, source: FeatureLocation) throws {
        guard !finished else {
            throw GeoPlanError.output(path: file.displayPath, reason: "written to after it was finished")
        }
        pending.append(PendingFeature(values: values, wkb: wkb, source: source))
        pendingBytes += wkb?.count ?? 0
        written += 1
        if pending.count >= batchSize || pendingBytes >= Self.batchBytes { try submit() }
    }

    /// Writes what is queued and the collection's tail, then flushes, fsyncs and closes the file.
    public func finish() throws {
        guard !finished else { return }
        try submit()
        try drain()
        finished = true
        let numbers = try collectionBox.numbers.map { numbers in
            try numbers.map { number -> String in
                var text = JSONByteBuffer()
                try GeoJSONGeometryEncoder(grid: grid).encodeBox([number], into: &text)
                return String(decoding: text.bytes.dropFirst().dropLast(), as: UTF8.self)
            }
        }
        try file.write(GeoJSONLayout.tail(box: numbers))
        try file.finish()
    }

    // MARK: - Batches

    private func submit() throws {
        try drain()
        guard !pending.isEmpty else { return }
        let job = BatchJob(features: pending, chunks: min(threads * 2, pending.count))
        pending = []
        pendingBytes = 0
        let encoder = self.encoder
        let grid = self.grid
        DispatchQueue.global().async(group: job.group) {
            DispatchQueue.concurrentPerform(iterations: job.chunkCount) { chunk in
                job.outputs[chunk] = Self.encode(job.features[job.range(of: chunk)], encoder: encoder, grid: grid)
            }
        }
        inFlight = job
    }

    /// Waits for the batch being encoded and writes it, in order.
    private func drain() throws {
        guard let job = inFlight else { return }
        inFlight = nil
        job.group.wait()
        for chunk in 0..<job.chunkCount {
            guard let output = job.outputs[chunk] else { continue }
            if let failure = output.failure {
                throw GeoPlanError.output(
                    path: file.displayPath,
                    reason: "cannot write \(failure.source) as GeoJSON: \(failure.reason)")
            }
            guard !output.text.isEmpty else { continue }
            if anyFeatureWritten { try file.write(Array(GeoJSONLayout.separator.utf8)) }
            try file.write(output.text)
            anyFeatureWritten = true
            collectionBox.formUnion(output.box)
            counts.add(output.counts)
        }
    }

    /// One chunk of a batch, on a worker thread with a GEOS context of its own.
    private static func encode(
        _ features: ArraySlice<PendingFeature>, encoder: GeoJSONFeatureEncoder,
        grid: CoordinateGrid?
    ) -> ChunkOutput {
        var out = JSONByteBuffer(capacity: 1 << 16)
        var box = GeoJSONBox()
        var counts = GeoJSONWriteCounts(properties: encoder.properties.count)
        var context: GEOSContext?
        for feature in features {
            do {
                var prepared: GeoJSONGeometryPreparation.Prepared?
                if let wkb = feature.wkb {
                    let geos = try context ?? GEOSContext()
                    context = geos
                    prepared = try GeoJSONGeometryPreparation(grid: grid, context: geos).prepare(wkb: wkb)
                }
                if out.count > 0 { out.append(raw: ",\n") }
                try encoder.encode(
                    values: feature.values, geometry: prepared, into: &out, collectionBox: &box,
                    counts: &counts)
            } catch is NonFiniteCoordinateError {
                return ChunkOutput(failure: ("a coordinate is not a finite number", feature.source))
            } catch {
                return ChunkOutput(failure: ("\(error)", feature.source))
            }
        }
        return ChunkOutput(text: out.bytes, box: box, counts: counts)
    }
}

private struct PendingFeature: Sendable {
    var values: [FieldValue]
    var wkb: [UInt8]?
    var source: FeatureLocation
}

private struct ChunkOutput {
    var text: [UInt8] = []
    var box = GeoJSONBox()
    var counts = GeoJSONWriteCounts(properties: 0)
    var failure: (reason: String, source: FeatureLocation)?
}

/// A batch handed to the workers. Each worker writes only its own chunk's slot in `outputs`, and the writer reads
/// them only after `group` has finished, so no slot is ever touched by two threads at once.
private final class BatchJob: @unchecked Sendable {
    let features: [PendingFeature]
    let chunkCount: Int
    let group = DispatchGroup()
    let outputs: UnsafeMutableBufferPointer<ChunkOutput?>

    init(features: [PendingFeature], chunks: Int) {
        self.features = features
        chunkCount = max(1, chunks)
        outputs = .allocate(capacity: chunkCount)
        outputs.initialize(repeating: nil)
    }

    deinit {
        outputs.deinitialize()
        outputs.deallocate()
    }

    /// Chunks of nearly equal size, in order.
    func range(of chunk: Int) -> Range<Int> {
        let base = features.count / chunkCount
        let extra = features.count % chunkCount
        let start = chunk * base + min(chunk, extra)
        return start..<(start + base + (chunk < extra ? 1 : 0))
    }
}
