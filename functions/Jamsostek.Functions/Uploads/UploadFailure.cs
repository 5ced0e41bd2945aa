using Jamsostek.Core.Templates;

namespace Jamsostek.Functions.Uploads;

/// <summary>
/// Why an upload is <c>failed</c>, as the office and the operator read it: a code and a plain sentence in each
/// language. The exception that caused it stays in the logs (its type only); its text never reaches the record,
/// because it can hold storage addresses, internals or, from a parser, a cell's value.
/// </summary>
public static class UploadFailure
{
    /// <summary>IngestUpload could not read the file (our side or storage), on every attempt.</summary>
    public const string ReadFailed = "READ_FAILED";

    /// <summary>A chunk could not be validated or stored, on every attempt of its queue message.</summary>
    public const string ValidationFailed = "VALIDATION_FAILED";

    public static string Message(string code, int attempts, Language language) => (code, language) switch
    {
        (ReadFailed, Language.En) =>
            $"The file could not be read after {attempts} attempts because of a fault on our side, not in the file. The operator has been alerted; there is no need to upload it again.",
        (ReadFailed, _) =>
            $"Berkas tidak dapat dibaca setelah {attempts} kali percobaan karena gangguan di sistem kami, bukan karena isi berkas. Operator sudah diberi tahu; berkas tidak perlu diunggah ulang.",
        (ValidationFailed, Language.En) =>
            $"Part of the file could not be validated after {attempts} attempts because of a fault on our side, not in the file. The operator has been alerted; there is no need to upload it again.",
        (ValidationFailed, _) =>
            $"Sebagian berkas tidak dapat divalidasi setelah {attempts} kali percobaan karena gangguan di sistem kami, bukan karena isi berkas. Operator sudah diberi tahu; berkas tidak perlu diunggah ulang.",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not an upload failure code."),
    };

    /// <summary>Marks the record: the code, the attempt it gave up on, and the sentence in Bahasa Indonesia it shows by default.</summary>
    public static void Apply(UploadRecord record, string code, int attempts)
    {
        record.FailureCode = code;
        record.FailedAttempts = attempts;
        record.FailureReason = Message(code, attempts, Language.Id);
    }
}
