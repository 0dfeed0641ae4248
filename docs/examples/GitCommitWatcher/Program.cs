using GitCommitWatcher;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The scope comes from configuration: appsettings.json, environment (ExecTracing__Scope=ProcessTree,
// ExecTracing__Pid=1234) or the command line (--ExecTracing:Scope=Cgroup --ExecTracing:Cgroup=/sys/fs/cgroup/...).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddExecTracing();
builder.Services.AddHostedService<GitCommitLogger>();
await builder.Build().RunAsync();
