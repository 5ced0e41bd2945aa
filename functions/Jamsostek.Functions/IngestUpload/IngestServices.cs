using Jamsostek.Core.Ingestion;
using Jamsostek.Functions.Staging;
using Jamsostek.Functions.Uploads;

namespace Jamsostek.Functions.IngestUpload;

public sealed class IngestServices(UploadStore uploads, UploadClaims claims, StagingStore staging, TimeProvider time, ILogger<IngestServices> logger)
{
    public UploadStore Uploads { get; } = uploads;

    public UploadClaims Claims { get; } = claims;

    public StagingStore Staging { get; } = staging;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    public IngestionLimits Limits => IngestionLimits.Default;
}
