using Jamsostek.Core.Findings;

namespace Jamsostek.Core.Ingestion;

/// <summary>
/// The bounds on the text reading a file produces, which its size does not bound: a small .xlsx can reference one
/// long shared string from every cell and unpack to gigabytes of text. Over a bound, the file is rejected with
/// FILE_TOO_LARGE and says which bound: one row, one chunk of rows, or the whole file.
/// </summary>
public sealed record StagedTextBudget(StagedTextBudget.Scope Over, int RowNumber, long LimitBytes)
{
    public enum Scope
    {
        Row,
        Chunk,
        Upload,
    }

    public static void Check(IngestionLimits limits, int rowNumber, int rowBytes, int chunkBytes, long uploadBytes)
    {
        if (rowBytes > limits.MaxStagedRowBytes)
        {
            Reject(new StagedTextBudget(Scope.Row, rowNumber, limits.MaxStagedRowBytes));
        }
        if (chunkBytes > limits.MaxStagedChunkBytes)
        {
            Reject(new StagedTextBudget(Scope.Chunk, rowNumber, limits.MaxStagedChunkBytes));
        }
        if (uploadBytes > limits.MaxStagedUploadBytes)
        {
            Reject(new StagedTextBudget(Scope.Upload, rowNumber, limits.MaxStagedUploadBytes));
        }
    }

    private static void Reject(StagedTextBudget budget) =>
        throw new UploadRejectedException(FindingCode.FileTooLarge,
            $"the text read reached the {budget.Over.ToString().ToLowerInvariant()} limit of {budget.LimitBytes} bytes at row {budget.RowNumber}", budget);
}
