using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Tracing.Tracer;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// Binds a tracer's configuration section onto its <see cref="ExecTracingOptions"/> (those of its name): each key
/// named after a property, a key left out keeps the property as it is. A key the section does not know, an enum value
/// that is not a name, a list given as one value and a value the binder cannot convert fail like a validation, every
/// one at once, each naming its key. Runs before the caller's code, which wins.
/// </summary>
internal sealed class ExecTracingOptionsBinding(IServiceProvider services, ExecTracerRegistration registration) : IConfigureNamedOptions<ExecTracingOptions>
{
    // The settings configuration may hold; Filter and Conditions are code's. Backends' sub-sections live in the unkeyed tracer's section.
    private static readonly string[] s_settings =
    [
        nameof(ExecTracingOptions.Scope), nameof(ExecTracingOptions.Pid), nameof(ExecTracingOptions.Cgroup), nameof(ExecTracingOptions.Container),
        nameof(ExecTracingOptions.CommandNames), nameof(ExecTracingOptions.Uids), nameof(ExecTracingOptions.IncludeExits),
        nameof(ExecTracingOptions.Details), nameof(ExecTracingOptions.QueueCapacity), nameof(ExecTracingOptions.QueueFullMode),
        nameof(ExecTracingOptions.IncludeFailedExecs), nameof(ExecTracingOptions.Source),
    ];

    private static readonly string[] s_lists = [nameof(ExecTracingOptions.CommandNames), nameof(ExecTracingOptions.Uids)];
    private static readonly SectionKeys s_keys = new(s_settings, s_lists, []);
    private static readonly SectionKeys s_keysWithBackends = new(s_settings, s_lists, BackendSections.Names);

    public void Configure(ExecTracingOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, ExecTracingOptions options)
    {
        if ((name ?? Options.DefaultName) == registration.Name && registration.Section is IConfigurationSection { } given && !given.Exists())
        {
            // A section named by the caller that is not there (an appsettings.json not found, a misspelt path) would
            // leave every default, the whole machine traced; the default ExecTracing section is optional, this one not.
            throw new OptionsValidationException(registration.Name, typeof(ExecTracingOptions), [
                $"{given.Path} does not exist: the section given to AddExecTracing holds no settings (is the configuration file found, the path spelt right?). To trace with the defaults, give no section."]);
        }

        if ((name ?? Options.DefaultName) != registration.Name || registration.SectionIn(services) is not { } section
            || (section is IConfigurationSection { } child && !child.Exists()))
        {
            return;
        }

        var errors = new List<string>();
        if (section is IConfigurationSection { Value.Length: > 0 } valued)
        {
            // ExecTracing=ProcessTree, say: the binder would ignore it and trace everything.
            errors.Add($"{valued.Path} is a section, not a value: give its settings under it ({valued.Path}:Scope=..., {valued.Path}:Pid=...).");
        }

        (registration.IsKeyed ? s_keys : s_keysWithBackends).Check(section, registration.Path, errors);
        EnumSetting.Check<ExecTracingScope>(section, nameof(ExecTracingOptions.Scope), errors);
        EnumSetting.Check<ExecDetails>(section, nameof(ExecTracingOptions.Details), errors, combinable: true);
        EnumSetting.Check<QueueFullMode>(section, nameof(ExecTracingOptions.QueueFullMode), errors);
        EnumSetting.Check<ExecTracingSource>(section, nameof(ExecTracingOptions.Source), errors);
        ListSetting.Check(section, nameof(ExecTracingOptions.CommandNames), "git", errors);
        ListSetting.Check(section, nameof(ExecTracingOptions.Uids), "1000", errors);
        if (errors.Count == 0)
        {
            Bind(section, options, errors);
        }

        if (errors.Count > 0)
        {
            // Every wrong setting at once: what does convert is bound on a copy and checked too, leaving out the
            // conversion errors of keys already refused and the checks that name one of them (they would mislead).
            var copy = new ExecTracingOptions();
            var more = new List<string>();
            Bind(section, copy, more);
            more.AddRange(copy.GetValidationErrors(registration.KeyPrefix));
            var refused = s_settings.Select(key => registration.KeyPrefix + key)
                .Where(key => errors.Any(e => e.StartsWith(key, StringComparison.OrdinalIgnoreCase) || e.Contains($"'{key}'", StringComparison.OrdinalIgnoreCase)))
                .ToList();
            errors.AddRange(more.Where(e => !refused.Any(key => e.Contains(key, StringComparison.OrdinalIgnoreCase)) && !errors.Contains(e)));
            throw new OptionsValidationException(registration.Name, typeof(ExecTracingOptions), errors);
        }
    }

    // Key by key, each call intercepted by the binder's source generator (no reflection); Filter and Conditions, which
    // no text can give, are not the binder's to look at.
    private static void Bind(IConfiguration section, ExecTracingOptions options, List<string> errors)
    {
        Try(errors, () => options.Scope = section.GetValue(nameof(options.Scope), options.Scope));
        Try(errors, () => options.Pid = section.GetValue(nameof(options.Pid), options.Pid));
        Try(errors, () => options.Cgroup = section.GetValue(nameof(options.Cgroup), options.Cgroup));
        Try(errors, () => options.Container = section.GetValue(nameof(options.Container), options.Container));
        Try(errors, () => options.CommandNames = section.GetSection(nameof(options.CommandNames)).Get<List<string>>() ?? options.CommandNames);
        Try(errors, () => options.Uids = section.GetSection(nameof(options.Uids)).Get<List<uint>>() ?? options.Uids);
        Try(errors, () => options.IncludeExits = section.GetValue(nameof(options.IncludeExits), options.IncludeExits));
        Try(errors, () => options.Details = section.GetValue(nameof(options.Details), options.Details));
        Try(errors, () => options.QueueCapacity = section.GetValue(nameof(options.QueueCapacity), options.QueueCapacity));
        Try(errors, () => options.QueueFullMode = section.GetValue(nameof(options.QueueFullMode), options.QueueFullMode));
        Try(errors, () => options.IncludeFailedExecs = section.GetValue(nameof(options.IncludeFailedExecs), options.IncludeFailedExecs));
        Try(errors, () => options.Source = section.GetValue(nameof(options.Source), options.Source));
    }

    private static void Try(List<string> errors, Action bind)
    {
        try
        {
            bind();
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the key: "Failed to convert configuration value '...' at 'ExecTracing:Pid' ...".
            errors.Add(e.Message);
        }
    }
}
