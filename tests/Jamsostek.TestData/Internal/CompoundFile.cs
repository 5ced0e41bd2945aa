using System.Buffers.Binary;
using System.Text;

namespace Jamsostek.TestData.Internal;

/// <summary>
/// A minimal but valid OLE compound file (MS-CFB version 3, 512-byte sectors) holding streams at the root
/// storage: small streams (under 4096 bytes) in the mini stream, larger ones in regular sectors, a FAT, a
/// mini FAT and a red-black directory tree. Enough for "EncryptionInfo" + "EncryptedPackage".
/// </summary>
internal static class CompoundFile
{
    private const int SectorSize = 512;
    private const int MiniSectorSize = 64;
    private const int MiniStreamCutoff = 4096;
    private const int EntriesPerFatSector = SectorSize / 4;
    private const uint FreeSector = 0xFFFFFFFF;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSectorMark = 0xFFFFFFFD;
    private const uint NoStream = 0xFFFFFFFF;

    public static ReadOnlySpan<byte> Magic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static byte[] Build(IReadOnlyList<(string Name, byte[] Data)> streams)
    {
        foreach (var (name, _) in streams)
        {
            if (name.Length is 0 or > 31)
            {
                throw new ArgumentException($"Stream name '{name}' must have 1-31 characters.");
            }
        }

        // Mini stream: small streams packed in 64-byte mini sectors.
        var miniStream = new MemoryStream();
        var miniFat = new List<uint>();
        var starts = new uint[streams.Count];
        for (var i = 0; i < streams.Count; i++)
        {
            var data = streams[i].Data;
            if (data.Length >= MiniStreamCutoff)
            {
                continue;
            }

            if (data.Length == 0)
            {
                starts[i] = EndOfChain;
                continue;
            }

            var count = (data.Length + MiniSectorSize - 1) / MiniSectorSize;
            starts[i] = (uint)miniFat.Count;
            for (var k = 0; k < count; k++)
            {
                miniFat.Add(k == count - 1 ? EndOfChain : (uint)(miniFat.Count + 1));
            }

            miniStream.Write(data);
            miniStream.Write(new byte[count * MiniSectorSize - data.Length]);
        }

        var directorySectors = (streams.Count + 1 + 3) / 4;
        var miniFatSectors = (miniFat.Count * 4 + SectorSize - 1) / SectorSize;
        var miniStreamSectors = (int)((miniStream.Length + SectorSize - 1) / SectorSize);
        var bigStreamSectors = streams.Where(s => s.Data.Length >= MiniStreamCutoff).Sum(s => (s.Data.Length + SectorSize - 1) / SectorSize);
        var otherSectors = directorySectors + miniFatSectors + miniStreamSectors + bigStreamSectors;
        var fatSectors = 1;
        while (fatSectors * EntriesPerFatSector < fatSectors + otherSectors)
        {
            fatSectors++;
        }

        if (fatSectors > 109)
        {
            throw new ArgumentException("Streams too large for a compound file without DIFAT sectors.");
        }

        var totalSectors = fatSectors + otherSectors;
        var fat = new uint[fatSectors * EntriesPerFatSector];
        Array.Fill(fat, FreeSector);
        var next = 0;
        for (var k = 0; k < fatSectors; k++)
        {
            fat[next++] = FatSectorMark;
        }

        uint Chain(int sectors)
        {
            if (sectors == 0)
            {
                return EndOfChain;
            }

            var first = next;
            for (var k = 0; k < sectors; k++)
            {
                fat[next] = k == sectors - 1 ? EndOfChain : (uint)(next + 1);
                next++;
            }

            return (uint)first;
        }

        var firstDirectory = Chain(directorySectors);
        var firstMiniFat = Chain(miniFatSectors);
        var firstMiniStream = Chain(miniStreamSectors);
        for (var i = 0; i < streams.Count; i++)
        {
            var data = streams[i].Data;
            if (data.Length >= MiniStreamCutoff)
            {
                starts[i] = Chain((data.Length + SectorSize - 1) / SectorSize);
            }
        }

        var file = new byte[SectorSize * (1 + totalSectors)];

        // Header.
        var header = file.AsSpan(0, SectorSize);
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x003E); // minor version
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], 0x0003); // major version 3
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE); // little-endian
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 9); // 2^9 = 512-byte sectors
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6); // 2^6 = 64-byte mini sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], 0); // directory sectors (0 in version 3)
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], (uint)fatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], firstDirectory);
        BinaryPrimitives.WriteUInt32LittleEndian(header[52..], 0); // transaction signature
        BinaryPrimitives.WriteUInt32LittleEndian(header[56..], MiniStreamCutoff);
        BinaryPrimitives.WriteUInt32LittleEndian(header[60..], firstMiniFat);
        BinaryPrimitives.WriteUInt32LittleEndian(header[64..], (uint)miniFatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(header[68..], EndOfChain); // first DIFAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[72..], 0); // DIFAT sectors
        for (var k = 0; k < 109; k++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(76 + 4 * k)..], k < fatSectors ? (uint)k : FreeSector);
        }

        // FAT.
        for (var k = 0; k < fat.Length; k++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(SectorSize + 4 * k), fat[k]);
        }

        // Mini FAT.
        if (miniFatSectors > 0)
        {
            var area = file.AsSpan(SectorSize * (1 + (int)firstMiniFat), miniFatSectors * SectorSize);
            area.Fill(0xFF);
            for (var k = 0; k < miniFat.Count; k++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(area[(4 * k)..], miniFat[k]);
            }
        }

        // Mini stream container, then large streams.
        if (miniStreamSectors > 0)
        {
            miniStream.ToArray().CopyTo(file.AsSpan(SectorSize * (1 + (int)firstMiniStream)));
        }

        for (var i = 0; i < streams.Count; i++)
        {
            if (streams[i].Data.Length >= MiniStreamCutoff)
            {
                streams[i].Data.CopyTo(file.AsSpan(SectorSize * (1 + (int)starts[i])));
            }
        }

        // Directory: entry 0 is the root, entries 1..n the streams, arranged as a red-black tree.
        var directory = file.AsSpan(SectorSize * (1 + (int)firstDirectory), directorySectors * SectorSize);
        var order = Enumerable.Range(0, streams.Count).OrderBy(i => streams[i].Name, NameComparer.Instance).ToArray();
        var left = new uint[streams.Count];
        var right = new uint[streams.Count];
        var red = new bool[streams.Count];
        var maxDepth = Depth(order.Length);
        var treeRoot = BuildTree(order, 0, order.Length - 1, 0);

        WriteEntry(directory[..128], "Root Entry", 5, false, NoStream, NoStream, treeRoot,
            miniStream.Length > 0 ? firstMiniStream : EndOfChain, (ulong)miniStream.Length);
        for (var i = 0; i < streams.Count; i++)
        {
            WriteEntry(directory.Slice(128 * (i + 1), 128), streams[i].Name, 2, red[i], left[i], right[i], NoStream, starts[i], (ulong)streams[i].Data.Length);
        }

        for (var e = streams.Count + 1; e < directorySectors * 4; e++)
        {
            var entry = directory.Slice(128 * e, 128);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], NoStream);
        }

        return file;

        uint BuildTree(int[] sorted, int lo, int hi, int depth)
        {
            if (lo > hi)
            {
                return NoStream;
            }

            var mid = (lo + hi + 1) / 2;
            var index = sorted[mid];
            left[index] = BuildTree(sorted, lo, mid - 1, depth + 1);
            right[index] = BuildTree(sorted, mid + 1, hi, depth + 1);
            // Every leaf sits at the deepest or the second deepest level: colouring the deepest level red keeps
            // the same number of black nodes on every path, and no red node has a child.
            red[index] = depth > 0 && depth == maxDepth;
            return (uint)(index + 1);
        }

        static int Depth(int count)
        {
            var depth = -1;
            while (count > 0)
            {
                depth++;
                count = (count - 1) / 2;
            }

            return depth;
        }
    }

    private static void WriteEntry(Span<byte> entry, string name, byte type, bool red, uint left, uint right, uint child, uint start, ulong size)
    {
        var nameBytes = Encoding.Unicode.GetBytes(name);
        nameBytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)(nameBytes.Length + 2));
        entry[66] = type;
        entry[67] = red ? (byte)0 : (byte)1;
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], left);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], start);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[120..], size);
    }

    /// <summary>MS-CFB order: shorter names first, then by upper-cased UTF-16 code units.</summary>
    private sealed class NameComparer : IComparer<string>
    {
        public static readonly NameComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var byLength = x!.Length.CompareTo(y!.Length);
            return byLength != 0 ? byLength : string.CompareOrdinal(x.ToUpperInvariant(), y.ToUpperInvariant());
        }
    }
}
