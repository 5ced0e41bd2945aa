using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Jamsostek.TestSupport;

namespace Jamsostek.Pipeline.Tests.Infrastructure;

/// <summary>
/// The app as it runs locally, every function enabled, from a copy of the build whose host.json retries a failed
/// queue message after one second instead of ten (so the five attempts of a failing chunk take seconds). Tests keep
/// apart by region, agreement number and coverage year, since they share one storage account.
/// </summary>
public sealed class PipelineFixture() : SystemFixture("pipeline-tests")
{
    protected override bool WithFastRetries => true;

    public BlobContainerClient Reports => Container("reports");

    public BlobContainerClient Staging => Container("staging");

    public HttpClient CreateAdminClient() => Admin();

    /// <inheritdoc cref="UploadIds.Of(string, byte[])"/>
    public static string UploadIdOf(string region, byte[] content) => UploadIds.Of(region, content);

    /// <inheritdoc cref="UploadIds.DuplicateOf(string, byte[], string)"/>
    public static string DuplicateIdOf(string region, byte[] content, string blobName) => UploadIds.DuplicateOf(region, content, blobName);

    /// <summary>
    /// The stored upload entities of a region holding this content (the upload that holds it and its duplicates), for
    /// tests that check a record was not written again (its ETag, its UpdatedAt); statuses and counts come from the API.
    /// </summary>
    public Task<IReadOnlyList<TableEntity>> StoredRecordsWithContentAsync(string region, byte[] content) =>
        QueryAsync("uploads", TableClient.CreateQueryFilter(
            $"PartitionKey eq {region} and ContentSha256 eq {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))}"));

    public async Task<JsonObject> FindingsReportAsync(string uploadId) =>
        JsonNode.Parse((await Reports.GetBlobClient($"{uploadId}/findings.json").DownloadContentAsync()).Value.Content.ToString())!.AsObject();

    public async Task<byte[]> ReportFileAsync(string uploadId, string name) =>
        (await Reports.GetBlobClient($"{uploadId}/{name}").DownloadContentAsync()).Value.Content.ToArray();

    /// <summary>Every participant of one agreement of a region (its partition).</summary>
    public Task<IReadOnlyList<TableEntity>> ParticipantsAsync(string region, string agreementKey) =>
        QueryAsync("participants", TableClient.CreateQueryFilter($"PartitionKey eq {region + "|" + agreementKey}"));
}

[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "Pipeline";
}
