extern alias api;
extern alias web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Playwright;
using api::Network.Api.Infrastructure.Setup;
using Network.Testing;

namespace Network.Benchmarks;

/// <summary>
/// The board page in Chromium, measured by the browser's own performance API: Largest Contentful
/// Paint of a cold load (a fresh browser context: empty cache, only the login's cookies) of the
/// board of Gezin Yılmaz (filled to 200+ items by PathBench), and the time from the click on
/// "Plaatsen" to the poster's own item in the timeline (the frame after it is in the page), on a
/// desktop and a phone viewport. The API and the Web app run on Kestrel, the login is the real
/// OpenID Connect flow.
/// </summary>
public static class PageBench
{
    private const string LargestContentfulPaint = """
        () => new Promise(resolve => {
          let last = 0;
          new PerformanceObserver(list => { for (const e of list.getEntries()) last = e.startTime; })
            .observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => resolve(last), 500);
        })
        """;

    // Before the page's own scripts: when the first timeline entry is in the page (the data, not the shell).
    private const string TimelineShown = """
        new MutationObserver((_, seen) => {
          if (document.querySelector('[data-testid=timeline-entry]')) { window.__timeline = performance.now(); seen.disconnect(); }
        }).observe(document, { childList: true, subtree: true });
        """;

    private const string PostedItemAppears = """
        text => {
          window.__posted = new Promise(resolve => {
            const button = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Plaatsen');
            let clicked = 0;
            button.addEventListener('click', () => clicked = performance.now(), { once: true, capture: true });
            const seen = new MutationObserver(() => {
              if (!clicked || !document.querySelector('[data-testid=timeline]')?.textContent.includes(text)) return;
              seen.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - clicked));
            });
            seen.observe(document.body, { childList: true, subtree: true, characterData: true });
          });
        }
        """;

    public static async Task RunAsync(string connectionString, int loads, int posts)
    {
        var webUrl = $"http://localhost:{BenchApi.FreePort()}";
        var apiPort = BenchApi.FreePort();
        var apiUrl = $"http://localhost:{apiPort}";
        await using var apiHost = new BenchApi(connectionString, webUrl);
        apiHost.UseKestrel(apiPort);
        apiHost.StartServer();
        await using var webHost = new WebApp(apiUrl);
        webHost.UseKestrel(new Uri(webUrl).Port);
        webHost.StartServer();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var board = $"{webUrl}/boards/{DemoRegion.YilmazBoard.Value}";
        Console.WriteLine($"page: the board of Gezin Yılmaz, {loads} cold loads and {posts} posts per viewport (Chromium, performance API)");
        foreach (var (name, phone) in new[] { ("desktop 1280x800", false), ("phone 360x740", true) })
        {
            BrowserNewContextOptions Options(string? state = null) => new()
            {
                Locale = "nl-NL",
                ViewportSize = phone ? new() { Width = 360, Height = 740 } : new() { Width = 1280, Height = 800 },
                IsMobile = phone,
                HasTouch = phone,
                DeviceScaleFactor = phone ? 2 : 1,
                StorageState = state,
            };
            string state;
            await using (var login = await browser.NewContextAsync(Options()))
            {
                var page = await login.NewPageAsync();
                await page.GotoAsync(webUrl + "/");
                await page.GetByRole(AriaRole.Link, new() { Name = "Inloggen" }).First.ClickAsync();
                await page.GetByLabel("E-mailadres").FillAsync(DemoRegion.Guardian.Email);
                await page.GetByLabel("Wachtwoord").FillAsync(DemoRegion.Password);
                await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
                await page.GetByRole(AriaRole.Heading, new() { Name = "Mijn borden" }).WaitForAsync();
                state = await login.StorageStateAsync();
            }

            var paints = new List<double>();
            var shown = new List<double>();
            for (var i = 0; i <= loads; i++)
            {
                await using var context = await browser.NewContextAsync(Options(state));
                await context.AddInitScriptAsync(TimelineShown);
                var page = await context.NewPageAsync();
                await page.GotoAsync(board);
                await page.GetByTestId("timeline-entry").First.WaitForAsync();
                var lcp = await page.EvaluateAsync<double>(LargestContentfulPaint);
                var timeline = await page.EvaluateAsync<double>("window.__timeline");
                if (i == 0) continue; // the first load warms the servers, not the browser
                paints.Add(lcp);
                shown.Add(timeline);
            }

            var appear = new List<double>();
            await using (var context = await browser.NewContextAsync(Options(state)))
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(board);
                await page.GetByTestId("timeline-entry").First.WaitForAsync();
                for (var i = 0; i <= posts; i++)
                {
                    var text = $"Meting {i}: {Guid.NewGuid():N}";
                    await page.GetByLabel("Nieuwe notitie").FillAsync(text);
                    await page.EvaluateAsync(PostedItemAppears, text);
                    await page.GetByRole(AriaRole.Button, new() { Name = "Plaatsen" }).ClickAsync();
                    var ms = await page.EvaluateAsync<double>("window.__posted");
                    if (i > 0) appear.Add(ms);
                }
            }
            paints.Sort();
            shown.Sort();
            appear.Sort();
            Console.WriteLine($"page {name,-17} cold load LCP     p50={Median(paints),7:F0} ms  p95={PathBench.Percentile([.. paints], 95),7:F0} ms  n={paints.Count}");
            Console.WriteLine($"page {name,-17} timeline in page  p50={Median(shown),7:F0} ms  p95={PathBench.Percentile([.. shown], 95),7:F0} ms  n={shown.Count}");
            Console.WriteLine($"page {name,-17} own post appears  p50={Median(appear),7:F0} ms  p95={PathBench.Percentile([.. appear], 95),7:F0} ms  n={appear.Count}");
        }
    }

    private static double Median(List<double> sorted) => sorted[sorted.Count / 2];

    private sealed class WebApp(string apiUrl) : WebApplicationFactory<web::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Development, as in the browser tests: the project's static web assets come from the build output.
            builder.UseSolutionRelativeContentRoot("src/Network.Web");
            builder.UseEnvironment("Development");
            builder.UseSetting("Network:AllowHttp", "true");
            builder.UseSetting("Network:Api:BaseUrl", $"{apiUrl}/");
            builder.UseSetting("Network:Oidc:Authority", $"{apiUrl}/");
            builder.UseSetting("Network:Oidc:ClientSecret", OidcLogin.ClientSecret);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
