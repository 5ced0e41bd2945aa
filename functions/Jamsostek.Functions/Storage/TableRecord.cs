using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace Jamsostek.Functions.Storage;

/// <summary>
/// An entity of one of the app's tables: typed properties over a <see cref="TableEntity"/>, the one entity type the
/// Tables SDK maps without reflection. Its binder for any other type builds generic types at run time (and was the
/// reason the app could once be compiled ahead of time only this way); records are never handed to the SDK themselves
/// (they are not <see cref="ITableEntity"/>), only their <see cref="Entity"/>. A property is stored under its own name; a null
/// value is not stored, and a property that is not stored reads as its default.
/// </summary>
public abstract class TableRecord(TableEntity entity)
{
    public TableEntity Entity { get; } = entity;

    public string PartitionKey { get => Entity.PartitionKey; set => Entity.PartitionKey = value; }

    public string RowKey { get => Entity.RowKey; set => Entity.RowKey = value; }

    public DateTimeOffset? Timestamp => Entity.Timestamp;

    public ETag ETag { get => Entity.ETag; set => Entity.ETag = value; }

    protected string Text(string fallback = "", [CallerMemberName] string name = "") => Entity.GetString(name) ?? fallback;

    protected string? TextOrNull([CallerMemberName] string name = "") => Entity.GetString(name);

    protected int Int32([CallerMemberName] string name = "") => Entity.GetInt32(name) ?? 0;

    protected int? Int32OrNull([CallerMemberName] string name = "") => Entity.GetInt32(name);

    protected long Int64([CallerMemberName] string name = "") => Entity.GetInt64(name) ?? 0;

    protected double? DoubleOrNull([CallerMemberName] string name = "") => Entity.GetDouble(name);

    protected bool Boolean([CallerMemberName] string name = "") => Entity.GetBoolean(name) ?? false;

    protected DateTimeOffset Moment([CallerMemberName] string name = "") => Entity.GetDateTimeOffset(name) ?? default;

    protected DateTimeOffset? MomentOrNull([CallerMemberName] string name = "") => Entity.GetDateTimeOffset(name);

    protected void Set(object? value, [CallerMemberName] string name = "")
    {
        if (value is null)
        {
            Entity.Remove(name);
        }
        else
        {
            Entity[name] = value;
        }
    }
}
