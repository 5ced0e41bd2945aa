using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Compliance;
using Jamsostek.Functions.Coverage;
using Jamsostek.Functions.Participants;
using Jamsostek.Functions.Reports;
using Jamsostek.Functions.Staging;
using Jamsostek.Functions.Uploads;

namespace Jamsostek.Functions.ValidateChunk;

/// <summary>What validating a chunk and finalizing an upload use.</summary>
public sealed class ValidationServices(
    UploadStore uploads,
    ChunkResultStore chunks,
    StagingStore staging,
    AgreementStore agreements,
    ParticipantStore participants,
    NikCoverageStore nikCoverage,
    CoverageStore coverage,
    AgreementLocks agreementLocks,
    ReportStore reports,
    EmployerStore employers,
    ComplianceSnapshotStore snapshots,
    TimeProvider time,
    ILogger<ValidationServices> logger)
{
    /// <summary>host.json's queues.maxDequeueCount: on this delivery a failure sends the message to the poison queue.</summary>
    public const int MaxDequeueCount = 5;

    public UploadStore Uploads { get; } = uploads;

    public ChunkResultStore Chunks { get; } = chunks;

    public StagingStore Staging { get; } = staging;

    public AgreementStore Agreements { get; } = agreements;

    public ParticipantStore Participants { get; } = participants;

    public NikCoverageStore NikCoverage { get; } = nikCoverage;

    public CoverageStore Coverage { get; } = coverage;

    public AgreementLocks AgreementLocks { get; } = agreementLocks;

    public ReportStore Reports { get; } = reports;

    public EmployerStore Employers { get; } = employers;

    public ComplianceSnapshotStore Snapshots { get; } = snapshots;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;
}
