namespace Jamsostek.Functions.Storage;

/// <summary>Queue names, as the functions' queue bindings name them.</summary>
public static class QueueNames
{
    /// <summary>One claim-check message per staged chunk (IngestUpload out, ValidateChunk in).</summary>
    public const string Validation = "validation";
}
