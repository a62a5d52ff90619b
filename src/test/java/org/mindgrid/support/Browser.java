package org.mindgrid.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium. Without Chromium the calling test is skipped with a message saying
 * how to install it, never silently passed.
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private final WebDriver driver;

	private final String base;

	private final Path screenshots;

	private Browser(WebDriver driver, String base, Path screenshots) {
		this.driver = driver;
		this.base = base;
		this.screenshots = screenshots;
	}

	/** A phone-sized browser (375 px wide) or a desk one. */
	public static Browser open(int port, int width, int height) throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
				"Browser tests skipped: Debian chromium and chromium-driver are not installed "
						+ "(apt-get install -y chromium chromium-driver; .ci/run does this)");
		Path profile = Files.createTempDirectory("mindgrid-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--lang=zh-CN",
				// Bootstrap scrolls smoothly; clicks land where the element will be only without the animation.
				"--force-prefers-reduced-motion", "--user-data-dir=" + profile,
				"--window-size=" + width + "," + height);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(width, height));
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		Path shots = Path.of("target", "screenshots");
		Files.createDirectories(shots);
		return new Browser(driver, "http://localhost:" + port, shots);
	}

	public WebDriver driver() {
		return driver;
	}

	public void go(String path) {
		driver.get(base + path);
	}

	public void login(String username, String password) {
		go("/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
	}

	/** Scrolls the element to the middle of the screen (clear of the phone's fixed bottom bar), then taps it. */
	public void tap(org.openqa.selenium.WebElement element) {
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});",
				element);
		element.click();
	}

	public WebDriverWait waitUpTo(int seconds) {
		return new WebDriverWait(driver, Duration.ofSeconds(seconds));
	}

	public Path screenshot(String name) throws IOException {
		Path target = screenshots.resolve(name + ".png");
		byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
		Files.write(target, png);
		return target;
	}

	/** The page never scrolls sideways on a phone. */
	public boolean fitsWidth() {
		Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
		return Boolean.FALSE.equals(overflow);
	}

	@Override
	public void close() {
		driver.quit();
	}
}
