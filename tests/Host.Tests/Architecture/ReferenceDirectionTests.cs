using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using AfterSales.TestSupport;

namespace AfterSales.Host.Tests.Architecture;

/// <summary>
/// Dependencies point inward: Host → Activities → Workflows ← Persistence. Today every wrong-way reference would close
/// a cycle and fail the build, but that stops being true as projects are split (a src/Cases beside Workflows), so the
/// rules are checked here twice: in the project files (what a newcomer edits) and in the built assemblies (what a
/// HintPath or a package could also bring in; the compiler drops references nothing uses, hence the project files too).
/// </summary>
public sealed class ReferenceDirectionTests
{
    private const string AssemblyPrefix = "AfterSales.";
    private const string AnyOfOurs = "*";

    /// <summary>A project under src/ → the projects of ours it must not use; one not on disk is skipped.</summary>
    private static readonly Dictionary<string, string[]> MustNotReference = new(StringComparer.Ordinal)
    {
        // The engine declares the small interfaces it needs (store, scheduler, clock); outer projects implement them.
        ["Workflows"] = [AnyOfOurs],
        ["Activities"] = ["Host"],
        ["Persistence"] = ["Host"],
        // The case domain (issue 8), once it has a project: it builds on the engine only.
        ["Cases"] = ["Persistence", "Host"],
    };

    /// <summary>
    /// A test project → the src projects it must not reach, directly or through another project (TestSupport above all):
    /// the engine's tests run on their own test activities, so that they test the engine alone.
    /// </summary>
    private static readonly Dictionary<string, string[]> TestsMustNotReach = new(StringComparer.Ordinal)
    {
        ["Workflows.Tests"] = ["Activities"],
    };

    public static TheoryData<string> Projects()
    {
        var projects = new TheoryData<string>();
        foreach (var project in MustNotReference.Keys.Where(p => File.Exists(ProjectFile(p)))) projects.Add(project);
        return projects;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectFile_DoesNotReferenceAProjectFurtherOut(string project)
    {
        var references = XDocument.Load(ProjectFile(project)).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')));

        AssertInward(project, references, "src/" + project + "/" + project + ".csproj");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Assembly_DoesNotReferenceAnAssemblyFurtherOut(string project)
    {
        var dll = BuiltAssembly(project);
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences
            .Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))
            .Where(name => name.StartsWith(AssemblyPrefix, StringComparison.Ordinal))
            .Select(name => name[AssemblyPrefix.Length..]);

        AssertInward(project, references, dll);
    }

    [Theory]
    [MemberData(nameof(TestProjects))]
    public void TestProject_DoesNotReachAProjectItMustNotUse_EvenThroughAnotherProject(string project)
    {
        var reached = ProjectsReachedFrom(Path.Combine(RepositoryFolders.Root.FullName, "tests", project, project + ".csproj"));

        var wrong = TestsMustNotReach[project].Where(reached.Contains).ToList();
        Assert.True(wrong.Count == 0,
            $"tests/{project} reaches {string.Join(", ", wrong)} through its project references ({string.Join(", ", reached.Order())})");
    }

    public static TheoryData<string> TestProjects()
    {
        var projects = new TheoryData<string>();
        foreach (var project in TestsMustNotReach.Keys) projects.Add(project);
        return projects;
    }

    /// <summary>The names of every project a project file references, followed through the projects it references.</summary>
    private static HashSet<string> ProjectsReachedFrom(string projectFile)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(projectFile)]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var file))
        {
            if (!seen.Add(file)) continue;
            foreach (var include in XDocument.Load(file).Descendants("ProjectReference")
                         .Select(r => ((string?)r.Attribute("Include") ?? "").Replace('\\', '/')))
            {
                var referenced = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, include));
                reached.Add(Path.GetFileNameWithoutExtension(referenced));
                pending.Push(referenced);
            }
        }
        return reached;
    }

    private static void AssertInward(string project, IEnumerable<string> references, string where)
    {
        var forbidden = MustNotReference[project];
        var wrong = references.Where(r => r != project && (forbidden.Contains(AnyOfOurs) || forbidden.Contains(r)))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(wrong.Count == 0,
            $"{project} references {string.Join(", ", wrong)} ({where}); dependencies point inward: " +
            "Host → Activities → Workflows ← Persistence");
    }

    private static string ProjectFile(string project) =>
        Path.Combine(RepositoryFolders.Root.FullName, "src", project, project + ".csproj");

    private static string BuiltAssembly(string project)
    {
        var dll = Path.Combine(RepositoryFolders.BuildOutput(project), AssemblyPrefix + project + ".dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution first.");
        return dll;
    }
}
