using System.Data;
using System.Data.Common;
using Ardalis.GuardClauses;

namespace Immunization.Matching.Cluster;

/// <summary>
/// The tables of Orleans' ADO.NET clustering on PostgreSQL, where silos register and clients find them: the scripts
/// Microsoft Orleans ships (<c>PostgreSQL-Main.sql</c> and <c>PostgreSQL-Clustering.sql</c> of Microsoft.Orleans.Clustering.AdoNet
/// 10.4.2, MIT licence, their notice kept at the head of each), embedded in this library.
/// </summary>
public static class ClusterDatabase
{
    private const string MainResource = "Immunization.Matching.Cluster.Sql.PostgreSQL-Main.sql";
    private const string ClusteringResource = "Immunization.Matching.Cluster.Sql.PostgreSQL-Clustering.sql";

    /// <summary>Gets both scripts, main first, as one text that <c>psql -f</c> runs on an empty database.</summary>
    public static string PostgreSqlScript => Resource(MainResource) + "\n" + Resource(ClusteringResource);

    /// <summary>
    /// Creates the membership tables in a PostgreSQL database unless they exist, in one transaction: Orleans' query table
    /// (<c>OrleansQuery</c>, unless another Orleans provider created it already) and the clustering tables and queries.
    /// </summary>
    /// <param name="connection">A connection to the database (Npgsql), opened here if it is closed; the caller disposes it.</param>
    /// <param name="cancellationToken">Cancels the work (the transaction is rolled back).</param>
    /// <returns><see langword="true"/> when the tables were created, <see langword="false"/> when they existed already.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> is <see langword="null"/>.</exception>
    /// <exception cref="DbException">The database refused a statement (no right to create tables, say).</exception>
    public static async Task<bool> CreateTablesAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(connection);
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        if (await ExistsAsync(connection, "orleansmembershiptable", cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var main = !await ExistsAsync(connection, "orleansquery", cancellationToken).ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (main)
            {
                await ExecuteAsync(connection, transaction, Resource(MainResource), cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, transaction, Resource(ClusteringResource), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            // The names are the scripts' own constants, never input.
#pragma warning disable CA2100
            command.CommandText = $"SELECT to_regclass('{table}') IS NOT NULL";
#pragma warning restore CA2100
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string script, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
#pragma warning disable CA2100 // The embedded scripts, never input.
            command.CommandText = script;
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Resource(string name)
    {
        using var stream = typeof(ClusterDatabase).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The library's embedded script {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
