using System.Diagnostics.Metrics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tracing.Darwin;
using Tracing.Events;
using Tracing.Hosting.HealthChecks;
using Tracing.Linux;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.Observability;

/// <summary>docs/observability.md's tables are the code's: every instrument, attribute value and log event, no more.</summary>
public class ObservabilityDocTests
{
    [Fact]
    public void The_metrics_table_lists_every_instrument_of_the_meter_with_its_kind_unit_and_description()
    {
        var published = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == ExecTracerMetrics.MeterName)
                {
                    lock (published)
                    {
                        published.Add(instrument);
                    }
                }
            },
        };
        listener.Start();
        using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var metrics = new ExecTracerMetrics(provider.GetRequiredService<IMeterFactory>());

        var instruments = published.Select(i => (i.Name, Kind(i), i.Unit, i.Description)).Distinct().Order().ToList();
        var documented = ObservabilityDoc.Metrics.Select(r => (r["Name"], r["Kind"], (string?)r["Unit"], (string?)r["Description"])).Order().ToList();

        Assert.Equal(documented, instruments);
    }

    [Fact]
    public void The_attribute_table_lists_every_value_the_instruments_record()
    {
        var recorded = typeof(ExecTracerMetrics).GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(KeyValuePair<string, object?>))
            .Select(f => (KeyValuePair<string, object?>)f.GetValue(null)!)
            .Select(tag => (tag.Key, Value: (string)tag.Value!))
            .Order()
            .ToList();
        var documented = ObservabilityDoc.AttributeValues.Select(r => (r["Attribute"], r["Value"])).Order().ToList();
        var named = ObservabilityDoc.Metrics.Select(r => r["Attributes"]).Where(a => a.Length > 0).Order().ToList();

        Assert.NotEmpty(recorded);
        Assert.Equal(documented, recorded);
        Assert.Equal(recorded.Select(r => r.Key).Distinct().Order(), named);
    }

    [Fact]
    public void The_log_table_lists_every_logger_message_of_the_libraries()
    {
        Assembly[] libraries =
        [
            typeof(ExecTracer).Assembly,
            typeof(ProcConnectorOptions).Assembly,
            typeof(DarwinPollingOptions).Assembly,
            typeof(ExecTracingHealthCheckOptions).Assembly,
        ];
        var messages = libraries
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .Select(m => (m.Attribute!.EventId, m.Attribute.EventName ?? m.Method.Name, m.Attribute.Level.ToString(), m.Attribute.Message))
            .Order()
            .ToList();
        var documented = ObservabilityDoc.LogEvents.Select(r => (int.Parse(r["Id"], System.Globalization.CultureInfo.InvariantCulture), r["Name"], r["Level"], r["Message"])).Order().ToList();

        Assert.NotEmpty(messages);
        Assert.Equal(documented, messages);
    }

    [Fact]
    public void Every_property_the_process_attribute_table_maps_from_exists()
    {
        var types = typeof(ExecEvent).Assembly.GetExportedTypes().Where(t => t.Namespace == typeof(ExecEvent).Namespace).ToDictionary(t => t.Name);
        foreach (var row in ObservabilityDoc.ProcessAttributes)
        {
            var references = ObservabilityDoc.MemberReferences(row["From"]).ToList();
            Assert.True(references.Count > 0, $"{row["OpenTelemetry attribute"]} maps from nothing");
            foreach (var (type, member) in references)
            {
                Assert.True(types.TryGetValue(type, out var declaring), $"{row["OpenTelemetry attribute"]}: no type Tracing.Events.{type}");
                Assert.True(declaring.GetProperty(member) is not null, $"{row["OpenTelemetry attribute"]}: no property {type}.{member}");
            }
        }
    }

    private static string Kind(Instrument instrument) => instrument switch
    {
        Counter<long> => "Counter",
        Histogram<double> => "Histogram",
        _ => instrument.GetType().Name,
    };
}
