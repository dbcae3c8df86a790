namespace Immunization.Tests.Shared;

/// <summary>
/// Finds the project's shared datasets (<c>../shared/datasets</c> beside the repository). Tests read the data from there;
/// it is never copied into the repository.
/// </summary>
internal static class SharedDatasets
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The datasets folder, e.g. <c>/work/shared/datasets</c>.</summary>
    public static string Root => s_root.Value;

    /// <summary>The full path of a file below the datasets folder, e.g. <c>Path("febrl/dataset4a.csv")</c>.</summary>
    public static string Path(string relative)
    {
        var path = System.IO.Path.Combine(Root, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"Shared dataset '{relative}' is missing under '{Root}'.", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("IMMUNIZATION_DATASETS");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "The shared datasets folder was not found: expected 'shared/datasets' beside the repository (../shared/datasets), " +
            "or set IMMUNIZATION_DATASETS to its path.");
    }
}
