using System.Buffers.Binary;
using System.Text;

namespace Jamsostek.TestData;

/// <summary>
/// Legacy .xls files broken the ways a damaged or hostile one is: in the compound file (a loop in a sector chain,
/// a FAT that points past the file, a file cut short) and in the BIFF stream inside it (a record declaring more
/// bytes than there are, a shared-string table declaring two billion strings). Each is a valid enrolment .xls
/// from <see cref="SpreadsheetWriter.XlsBytes"/> with a few bytes changed.
/// </summary>
public static class MalformedXls
{
    public static byte[] Valid() =>
        SpreadsheetWriter.XlsBytes(EnrolmentSheet.Sheet(150, "5204", "PKS/001/BPJS-SBW/2025", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), seed: 61));

    /// <summary>The Workbook stream's third sector points back to its first: a reader that follows chains blindly never ends.</summary>
    public static byte[] LoopInSectorChain()
    {
        var file = Valid();
        var cfb = new CompoundFile(file);
        var chain = cfb.Chain(cfb.WorkbookStart);
        cfb.SetFat(chain[2], chain[0]);
        return file;
    }

    /// <summary>The header claims five FAT sectors, four of them far past the end of the file.</summary>
    public static byte[] TruncatedFat()
    {
        var file = Valid();
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x2C), 5);
        for (var i = 1; i < 5; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x4C + 4 * i), 0x00FFFFFF);
        }
        return file;
    }

    /// <summary>The first half of the file.</summary>
    public static byte[] CutInHalf() => Valid()[..(Valid().Length / 2)];

    /// <summary>A record early in the Workbook stream declares 65,535 bytes of data.</summary>
    public static byte[] HugeDeclaredRecord()
    {
        var file = Valid();
        var cfb = new CompoundFile(file);
        var (offset, _) = cfb.Records().Skip(3).First();
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(offset + 2), 0xFFFF);
        return file;
    }

    /// <summary>The shared-string table (SST) declares 2,147,483,632 strings, total and unique.</summary>
    public static byte[] SharedStringTableWithAHugeCount()
    {
        var file = Valid();
        var cfb = new CompoundFile(file);
        var (offset, _) = cfb.Records().First(r => r.Type == 0x00FC);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(offset + 4), 0x7FFFFFF0);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(offset + 8), 0x7FFFFFF0);
        return file;
    }

    /// <summary>Just enough of the compound file format (MS-CFB) to find the Workbook stream and patch it in place.</summary>
    private sealed class CompoundFile
    {
        private readonly byte[] _file;
        private readonly int _sectorSize;
        private readonly uint[] _fatSectors;

        public CompoundFile(byte[] file)
        {
            _file = file;
            _sectorSize = 1 << BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(0x1E));
            var fatCount = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(0x2C));
            _fatSectors = [.. Enumerable.Range(0, fatCount).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(0x4C + 4 * i)))];
            var directory = Chain(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(0x30)));
            foreach (var sector in directory)
            {
                for (var entry = Offset(sector); entry < Offset(sector) + _sectorSize; entry += 128)
                {
                    var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(entry + 64));
                    var name = Encoding.Unicode.GetString(file, entry, Math.Max(nameBytes - 2, 0));
                    if (name is "Workbook" or "Book")
                    {
                        WorkbookStart = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(entry + 116));
                        WorkbookSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(entry + 120));
                    }
                }
            }
            if (WorkbookSize < 4096)
            {
                throw new InvalidOperationException("The Workbook stream is in the mini stream; write more rows.");
            }
        }

        public uint WorkbookStart { get; }

        public int WorkbookSize { get; }

        public int Offset(uint sector) => _sectorSize + (int)sector * _sectorSize;

        public uint Fat(uint index) =>
            BinaryPrimitives.ReadUInt32LittleEndian(_file.AsSpan(Offset(_fatSectors[index / (_sectorSize / 4)]) + 4 * (int)(index % (_sectorSize / 4))));

        public void SetFat(uint index, uint value) =>
            BinaryPrimitives.WriteUInt32LittleEndian(_file.AsSpan(Offset(_fatSectors[index / (_sectorSize / 4)]) + 4 * (int)(index % (_sectorSize / 4))), value);

        public List<uint> Chain(uint start)
        {
            var chain = new List<uint>();
            for (var sector = start; sector < 0xFFFFFFFA && chain.Count < 100_000; sector = Fat(sector))
            {
                chain.Add(sector);
            }
            return chain;
        }

        /// <summary>The BIFF records of the Workbook stream: the file offset of each record's header, and its type.</summary>
        public IEnumerable<(int Offset, ushort Type)> Records()
        {
            var sectors = Chain(WorkbookStart);
            int FileOffset(int streamOffset) => Offset(sectors[streamOffset / _sectorSize]) + streamOffset % _sectorSize;
            for (var position = 0; position + 4 <= WorkbookSize;)
            {
                var header = FileOffset(position);
                // A record header never straddles sectors in the files NPOI writes; the data may, which is fine here.
                var type = BinaryPrimitives.ReadUInt16LittleEndian(_file.AsSpan(header));
                var length = BinaryPrimitives.ReadUInt16LittleEndian(_file.AsSpan(header + 2));
                yield return (header, type);
                position += 4 + length;
            }
        }
    }
}
