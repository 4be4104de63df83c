"""Installing the LanguageTool HTTP server: jars from Maven Central into a cache folder.

The folder is ``$COPYLINT_LANGUAGETOOL_HOME``, else ``$XDG_CACHE_HOME/copylint/languagetool``, else
``~/.cache/copylint/languagetool``. Inside it, ``<version>/lib/`` holds the jars and
``<version>/manifest.json`` what was installed (languages, and each jar's size and SHA-256), written
last, so a half-finished install is never taken for a finished one.

Maven (``mvn``) resolves the packaged ``pom.xml`` with ``dependency:copy-dependencies`` and
``--strict-checksums`` (a jar whose checksum does not match Maven Central's fails the install); its
local repository (``~/.m2``) is reused, so a reinstall downloads nothing. Where there is no Maven,
language-tool-python's own download of the LanguageTool release archive is the fallback.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lint.languagetool import LT_VERSION

# Modules the server cannot start without: its language identifier loads es, ca and pt at start.
BASE_LANGUAGES = ("en", "es", "ca", "pt")
SERVER_CLASS = "org.languagetool.server.HTTPServer"
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


class InstallError(Exception):
    pass


def home() -> Path:
    env = os.environ.get("COPYLINT_LANGUAGETOOL_HOME")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "copylint" / "languagetool"


@dataclass(frozen=True)
class Installation:
    root: Path  # <home>/<version>
    version: str
    languages: tuple[str, ...]
    classpath: str  # for java -cp
    source: str  # "maven" or "language-tool-python"

    @property
    def lib(self) -> Path:
        return self.root / "lib"


def _manifest_path(root: Path) -> Path:
    return root / "manifest.json"


def installed(where: Path | None = None, version: str = LT_VERSION) -> Installation | None:
    """The installation in ``where`` (default: ``home()``) if it is complete, else None.

    Complete means: a manifest, and every jar it lists present with the size it lists (hashes are
    checked at install time; this check is the fast one every start makes).
    """
    root = (where or home()) / version
    try:
        manifest = json.loads(_manifest_path(root).read_text(encoding="utf-8"))
        files: dict[str, dict[str, object]] = manifest["files"]
        for name, info in files.items():
            if (root / "lib" / name).stat().st_size != info["size"]:
                return None
        return Installation(root, manifest["version"], tuple(manifest["languages"]),
                            manifest["classpath"], manifest.get("source", "maven"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def pom_text(languages: Iterable[str] = (), version: str = LT_VERSION) -> str:
    """The packaged pom, with a dependency added for each language beyond the base ones."""
    text = resources.files("lint.languagetool").joinpath("pom.xml").read_text(encoding="utf-8")
    text = text.replace("<languagetool.version>6.6</languagetool.version>",
                        f"<languagetool.version>{version}</languagetool.version>")
    extra = "".join(
        "    <dependency>\n      <groupId>org.languagetool</groupId>\n"
        f"      <artifactId>language-{lang}</artifactId>\n"
        "      <version>${languagetool.version}</version>\n    </dependency>\n"
        for lang in sorted(set(languages) - set(BASE_LANGUAGES))
    )
    return text.replace("  </dependencies>", extra + "  </dependencies>", 1)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _verify_jars(lib: Path, languages: Iterable[str], version: str) -> None:
    """The jars are whole zip archives and the server class and each language module are among them."""
    needed = [f"languagetool-server-{version}.jar", f"languagetool-core-{version}.jar"]
    needed += [f"language-{lang}-{version}.jar" for lang in languages]
    missing = [n for n in needed if not (lib / n).is_file()]
    if missing:
        raise InstallError(f"the download is incomplete: {', '.join(missing)} missing in {lib}")
    for jar in sorted(lib.glob("*.jar")):
        try:
            with zipfile.ZipFile(jar) as z:
                bad = z.testzip()
        except (zipfile.BadZipFile, OSError) as exc:
            raise InstallError(f"{jar.name} is not a valid jar: {exc}") from None
        if bad is not None:
            raise InstallError(f"{jar.name} is corrupt (bad CRC in {bad})")
    with zipfile.ZipFile(lib / needed[0]) as z:
        if SERVER_CLASS.replace(".", "/") + ".class" not in z.namelist():
            raise InstallError(f"{needed[0]} does not contain {SERVER_CLASS}")


def _write_manifest(root: Path, languages: Iterable[str], version: str, classpath: str, source: str) -> None:
    lib = root / "lib"
    files = {p.name: {"size": p.stat().st_size, "sha256": _sha256(p)} for p in sorted(lib.iterdir()) if p.is_file()}
    data = {"version": version, "languages": sorted(set(languages)), "classpath": classpath,
            "source": source, "files": files}
    tmp = _manifest_path(root).with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, _manifest_path(root))


def verify(inst: Installation) -> list[str]:
    """Problems with an installation (hash mismatches, missing files); empty when it is intact."""
    problems = []
    manifest = json.loads(_manifest_path(inst.root).read_text(encoding="utf-8"))
    for name, info in manifest["files"].items():
        path = inst.lib / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif _sha256(path) != info["sha256"]:
            problems.append(f"{name}: SHA-256 differs from the one recorded at install")
    return problems


def install(
    languages: Iterable[str] = (),
    where: Path | None = None,
    version: str = LT_VERSION,
    force: bool = False,
    log: Callable[[str], None] = lambda message: None,
) -> Installation:
    """Install the server and the base languages plus ``languages``; a no-op when already there."""
    wanted = set(BASE_LANGUAGES) | {lang.lower() for lang in languages}
    for lang in wanted:
        if not _LANGUAGE.match(lang):
            raise InstallError(f"'{lang}' is not a language module name (two or three letters: de, fr, nl)")
    base = where or home()
    current = installed(base, version)
    if current is not None and not force and wanted <= set(current.languages):
        return current
    root = base / version
    root.mkdir(parents=True, exist_ok=True)
    mvn = shutil.which("mvn")
    if mvn is None:
        log("Maven (mvn) not found: using language-tool-python's download of the LanguageTool release")
        return _install_with_language_tool_python(root, version)
    languages_sorted = sorted(wanted)
    log(f"resolving LanguageTool {version} ({', '.join(languages_sorted)}) from Maven Central with Maven")
    with tempfile.TemporaryDirectory(dir=root, prefix=".install-") as work:
        pom = Path(work) / "pom.xml"
        pom.write_text(pom_text(wanted, version), encoding="utf-8")
        lib = Path(work) / "lib"
        cmd = [mvn, "-B", "-q", "--strict-checksums", "-f", str(pom), "dependency:copy-dependencies",
               f"-DoutputDirectory={lib}", "-DincludeScope=runtime"]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
        except subprocess.TimeoutExpired:
            raise InstallError("Maven did not finish within 30 minutes") from None
        if proc.returncode != 0:
            tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
            raise InstallError(f"Maven failed (exit {proc.returncode}):\n{tail}")
        _verify_jars(lib, wanted, version)
        target = root / "lib"
        manifest = _manifest_path(root)
        manifest.unlink(missing_ok=True)  # the install is unfinished until a new manifest is written
        if target.exists():
            shutil.rmtree(target)
        os.replace(lib, target)
    _write_manifest(root, wanted, version, str(root / "lib" / "*"), "maven")
    inst = installed(base, version)
    if inst is None:
        raise InstallError(f"the installation in {root} could not be read back")
    log(f"installed in {root}")
    return inst


def _install_with_language_tool_python(root: Path, version: str) -> Installation:
    """The release archive as language-tool-python downloads it (every language), under ``root``/ltp."""
    try:
        import language_tool_python  # noqa: F401  (an extra: copylint[languagetool])
    except ImportError:
        raise InstallError(
            "Maven (mvn) is not on PATH: install Maven, or `pip install 'copylint[languagetool]'` for "
            "language-tool-python's download of the LanguageTool release (needs internet access)"
        ) from None
    os.environ["LTP_PATH"] = str(root / "ltp")
    try:
        from language_tool_python.download_lt import LocalLanguageTool

        local = LocalLanguageTool.from_version_name(version)
        if local not in local.get_installed_versions():
            local.download()
        jar = local.get_jar_path()
    except Exception as exc:  # the library raises several kinds; any of them means no install
        raise InstallError(f"no Maven, and language-tool-python's download failed: {exc}") from None
    lib = root / "lib"
    if lib.is_symlink() or lib.exists():
        if lib.is_symlink() or lib.is_file():
            lib.unlink()
        else:
            shutil.rmtree(lib)
    lib.symlink_to(jar.parent, target_is_directory=True)
    languages = sorted({p.name.split("-")[1] for p in (jar.parent / "libs").glob("language-*.jar")} or BASE_LANGUAGES)
    _write_manifest(root, languages, version, str(jar), "language-tool-python")
    inst = installed(root.parent, version)
    if inst is None:
        raise InstallError(f"the installation in {root} could not be read back")
    return inst


def java_command() -> str:
    """The java executable: ``$JAVA_HOME/bin/java`` or ``java`` on PATH."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    found = shutil.which("java")
    if found is None:
        raise InstallError("Java is not installed (LanguageTool needs Java 17 or newer)")
    return found


def java_major(java: str) -> int:
    """The major version of a java executable (``java -version`` prints it on stderr)."""
    proc = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    m = re.search(r'version "(\d+)(?:\.(\d+))?', proc.stderr + proc.stdout)
    if not m:
        raise InstallError(f"cannot tell the version of {java}")
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major
