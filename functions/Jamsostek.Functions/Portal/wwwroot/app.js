// Portal Kantor: plain JavaScript, no framework. The office key lives in sessionStorage only and travels in the
// x-functions-key header, never in a URL.
"use strict";

const KEY = "jamsostek.key";
const FINAL = ["completed", "completed_with_errors", "rejected", "failed", "duplicate"];
const STATUS_TEXT = {
  received: "diterima, sedang dibaca",
  validating: "sedang diperiksa",
  completed: "selesai: semua baris diterima",
  completed_with_errors: "selesai dengan kesalahan: sebagian baris ditolak",
  rejected: "ditolak: berkas tidak dapat dipakai",
  failed: "gagal diproses: hubungi operator",
  duplicate: "duplikat: isi sama dengan unggahan sebelumnya",
};
const $ = (id) => document.getElementById(id);
const number = new Intl.NumberFormat("id-ID");

let access = null;
let currentUpload = null;

function key() { return sessionStorage.getItem(KEY); }

async function api(path, options = {}) {
  const headers = Object.assign({ "x-functions-key": key() || "" }, options.headers || {});
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (response.status === 401) { signOut("Kunci tidak dikenal atau sudah dicabut. Masuk kembali."); throw new Error("401"); }
  return response;
}

async function problemText(response) {
  try { const p = await response.json(); return p.detail || p.title || response.statusText; } catch { return response.statusText; }
}

function text(value) { return value === null || value === undefined ? "" : String(value); }

// A duplicate names the upload holding its content, with that upload's status as it is now.
function statusText(upload) {
  const original = upload.duplicateOf;
  if (upload.status === "duplicate" && original) {
    return `duplikat: isi sama dengan ${original.file} (${STATUS_TEXT[original.status] || text(original.status)})`;
  }
  return STATUS_TEXT[upload.status] || upload.status;
}

// Final, and for a duplicate its original final too: what the page shows does not change any more.
function settled(upload) {
  return FINAL.includes(upload.status) && (upload.status !== "duplicate" || !upload.duplicateOf || FINAL.includes(upload.duplicateOf.status));
}

function cell(row, value, className) {
  const td = document.createElement("td");
  td.textContent = text(value);
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

// ---------------------------------------------------------------- sign in

async function signIn(event) {
  event.preventDefault();
  const value = $("key").value.trim();
  $("signin-error").textContent = "";
  if (!value) { $("signin-error").textContent = "Isi kunci akses kantor."; $("key").focus(); return; }
  sessionStorage.setItem(KEY, value);
  const response = await fetch("api/access", { headers: { "x-functions-key": value } });
  if (!response.ok) {
    sessionStorage.removeItem(KEY);
    $("signin-error").textContent = response.status === 401 ? "Kunci tidak dikenal atau sudah dicabut." : await problemText(response);
    $("key").focus();
    return;
  }
  $("key").value = "";
  await enter(await response.json());
}

async function enter(info) {
  access = info;
  $("who-name").textContent = info.name;
  $("who-regions").textContent = info.allRegions ? "semua wilayah" : info.regions.join(", ");
  const select = $("region");
  select.replaceChildren(...info.regions.map((r) => new Option(r, r)));
  $("signin").hidden = true;
  $("workspace").hidden = false;
  $("download-rejected-xlsx").hidden = $("download-rejected-csv").hidden = !info.pii;
  await refreshRegion();
  $("region").focus();
}

function signOut(message) {
  sessionStorage.removeItem(KEY);
  access = null;
  $("workspace").hidden = true;
  $("signin").hidden = false;
  $("signin-error").textContent = message || "";
  $("key").focus();
}

// ---------------------------------------------------------------- upload and follow

async function upload(event) {
  event.preventDefault();
  const file = $("file").files[0];
  const region = $("region").value;
  const status = $("upload-status");
  if (!file) { status.textContent = "Pilih berkas lebih dulu."; return; }
  if (!region) { status.textContent = "Pilih wilayah lebih dulu."; return; }
  status.textContent = `Mengunggah ${file.name} ...`;
  $("findings").hidden = true;
  const response = await api(`api/uploads?region=${encodeURIComponent(region)}&file=${encodeURIComponent(file.name)}`, { method: "POST", body: file });
  if (!response.ok) { status.textContent = `Unggahan gagal: ${await problemText(response)}`; return; }
  const accepted = await response.json();
  currentUpload = accepted.uploadId;
  status.textContent = accepted.status === "duplicate"
    ? `${accepted.blob} terunggah, tetapi isinya sama dengan ${accepted.duplicateOf.file}: tidak diperiksa lagi.`
    : `${accepted.blob} terunggah. Status: diterima, sedang dibaca ...`;
  await follow(accepted.uploadId);
}

async function follow(uploadId) {
  const status = $("upload-status");
  for (;;) {
    const response = await api(`api/uploads/${encodeURIComponent(uploadId)}`);
    if (response.ok) {
      const upload = await response.json();
      showStatus(upload);
      if (settled(upload)) {
        await refreshRegion();
        if (upload.status === "completed" || upload.status === "completed_with_errors") await showFindings(upload);
        return;
      }
    } else if (response.status !== 404) {
      status.textContent = `Status tidak dapat dibaca: ${await problemText(response)}`;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
}

function showStatus(upload) {
  const status = $("upload-status");
  const rows = upload.rows;
  const line = document.createElement("p");
  line.dataset.status = upload.status;
  line.className = upload.status === "completed" ? "final-ok" : upload.status === "duplicate" ? "final-note" : (FINAL.includes(upload.status) ? "final-bad" : "");
  let detail = "";
  if (upload.status === "completed" || upload.status === "completed_with_errors") {
    detail = ` ${number.format(rows.accepted)} dari ${number.format(rows.read)} baris diterima, ${number.format(rows.rejected)} ditolak.`;
  } else if (upload.status === "rejected") {
    detail = ` ${text(upload.rejectionMessage)}`;
  } else if (upload.status === "failed") {
    detail = ` ${text(upload.failureReason)}`;
  } else if (upload.status === "duplicate") {
    detail = " Berkas ini tidak diperiksa lagi; hasilnya ada pada unggahan aslinya di daftar unggahan.";
  }
  line.textContent = `${upload.file}: ${statusText(upload)} (${upload.status}).${detail}`;
  status.replaceChildren(line);
}

async function showFindings(upload) {
  currentUpload = upload.uploadId;
  const response = await api(`api/uploads/${encodeURIComponent(upload.uploadId)}/findings`);
  if (!response.ok) return;
  const report = await response.json();
  const body = $("findings-table").tBodies[0];
  body.replaceChildren(...report.findings.map((f) => {
    const tr = document.createElement("tr");
    cell(tr, f.row, "num"); cell(tr, f.cell); cell(tr, f.field); cell(tr, f.code, `sev-${f.severity}`); cell(tr, f.message);
    return tr;
  }));
  $("findings-summary").textContent = report.findings.length === 0
    ? "Tidak ada temuan: semua baris diterima."
    : `${number.format(report.stats.rejected)} baris ditolak, ${number.format(report.stats.warnings)} peringatan.`;
  const hasRejected = upload.rows.rejected > 0 && access && access.pii;
  $("download-rejected-xlsx").hidden = $("download-rejected-csv").hidden = !hasRejected;
  $("findings").hidden = false;
}

// ---------------------------------------------------------------- lists and downloads

async function refreshRegion() {
  const region = $("region").value;
  if (!region) return;
  const [uploads, agreements] = await Promise.all([
    api(`api/uploads?region=${region}`).then((r) => r.ok ? r.json() : { uploads: [] }),
    api(`api/agreements?region=${region}`).then((r) => r.ok ? r.json() : { agreements: [] }),
  ]);
  $("uploads-table").tBodies[0].replaceChildren(...uploads.uploads.slice(0, 20).map((u) => {
    const tr = document.createElement("tr");
    cell(tr, u.file); cell(tr, statusText(u)); cell(tr, number.format(u.rows.accepted), "num"); cell(tr, number.format(u.rows.rejected), "num");
    const td = cell(tr, "");
    if (u.links.findings) {
      const button = document.createElement("button");
      button.type = "button"; button.className = "secondary"; button.textContent = "Lihat";
      button.setAttribute("aria-label", `Lihat temuan ${u.file}`);
      button.addEventListener("click", () => { showStatus(u); showFindings(u).then(() => $("findings-title").scrollIntoView()); });
      td.appendChild(button);
    }
    return tr;
  }));
  $("agreements-table").tBodies[0].replaceChildren(...agreements.agreements.map((a) => {
    const tr = document.createElement("tr");
    cell(tr, `${a.agreementNo} (${a.type})`);
    cell(tr, a.coverageStart && a.coverageEnd ? `${a.coverageStart} s.d. ${a.coverageEnd}` : "-");
    cell(tr, a.daysToExpiry === null ? "-" : (a.daysToExpiry < 0 ? "berakhir" : number.format(a.daysToExpiry)), "num");
    cell(tr, number.format(a.activeToday), "num");
    cell(tr, a.target === null ? "-" : number.format(a.target), "num");
    return tr;
  }));
}

async function download(path, fileName, statusElement) {
  statusElement.textContent = `Menyiapkan ${fileName} ...`;
  const response = await api(path);
  if (!response.ok) { statusElement.textContent = `Unduhan gagal: ${await problemText(response)}`; return; }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url; link.download = fileName;
  document.body.appendChild(link); link.click(); link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  statusElement.textContent = `${fileName} diunduh.`;
}

function wireDropZone() {
  const drop = $("drop");
  const input = $("file");
  const show = () => { $("file-name").textContent = input.files[0] ? input.files[0].name : ""; };
  input.addEventListener("change", show);
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); input.files = e.dataTransfer.files; show(); });
}

document.addEventListener("DOMContentLoaded", async () => {
  $("signin-form").addEventListener("submit", signIn);
  $("signout").addEventListener("click", () => signOut());
  $("upload-form").addEventListener("submit", upload);
  $("region").addEventListener("change", refreshRegion);
  $("download-rejected-xlsx").addEventListener("click", () =>
    download(`api/uploads/${encodeURIComponent(currentUpload)}/rejected?format=xlsx`, `baris-ditolak-${currentUpload}.xlsx`, $("download-status")));
  $("download-rejected-csv").addEventListener("click", () =>
    download(`api/uploads/${encodeURIComponent(currentUpload)}/rejected?format=csv`, `baris-ditolak-${currentUpload}.csv`, $("download-status")));
  document.querySelectorAll("[data-report]").forEach((button) => button.addEventListener("click", () => {
    const region = $("region").value;
    const report = button.dataset.report;
    const format = button.dataset.format;
    const fileNames = { coverage: "cakupan", participants: "peserta", compliance: "kepatuhan" };
    download(`api/reports/${report}?region=${region}&format=${format}`, `${fileNames[report]}-${region}.${format}`, $("report-status"));
  }));
  wireDropZone();
  if (key()) {
    const response = await fetch("api/access", { headers: { "x-functions-key": key() } });
    if (response.ok) await enter(await response.json()); else signOut();
  }
});
