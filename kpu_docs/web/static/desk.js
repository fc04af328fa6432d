// The decree form's behaviours htmx does not give: list items added, moved and removed (their
// field names renumbered, as the CLI's field paths: menimbang[2]), a table grid filled from
// cells pasted from Excel or LibreOffice Calc, and the switches of generated texts and
// optional parts. Plain JavaScript, no build step.
(function () {
  "use strict";

  function items(list) {
    var box = list.querySelector(":scope > .butir-butir, :scope > table > .butir-butir");
    return box ? Array.prototype.filter.call(box.children, function (e) { return e.classList.contains("butir"); }) : [];
  }

  function renamed(value, from, to) {
    return value && value.indexOf(from) === 0 ? to + value.slice(from.length) : value;
  }

  function renumber(list) {
    var jalur = list.dataset.jalur;
    items(list).forEach(function (item, i) {
      var old = item.dataset.ke, now = String(i + 1);
      if (old === now) return;
      var from = jalur + "[" + old + "]", to = jalur + "[" + now + "]";
      item.querySelectorAll("[name], [data-jalur]").forEach(function (e) {
        if (e.name) e.name = renamed(e.name, from, to);
        if (e.dataset.jalur) e.dataset.jalur = renamed(e.dataset.jalur, from, to);
      });
      item.dataset.ke = now;
      var label = item.querySelector(":scope > .label-butir");
      if (label) label.textContent = now + ".";
    });
  }

  function listOf(el) { return el.closest(".daftar-isian"); }

  function fetchItem(list, ke, jenis) {
    var url = "/sunting/butir?jalur=" + encodeURIComponent(list.dataset.jalur) + "&ke=" + ke + "&jenis=" + encodeURIComponent(jenis);
    return fetch(url, { credentials: "same-origin" }).then(function (r) { return r.text(); }).then(function (html) {
      var t = document.createElement("template");
      t.innerHTML = html.trim();
      return t.content.firstElementChild;
    });
  }

  function newRow(list) {
    var width = parseInt(list.dataset.kolom || "1", 10), ke = items(list).length + 1, jalur = list.dataset.jalur;
    var tr = document.createElement("tr");
    tr.className = "butir";
    tr.dataset.ke = String(ke);
    for (var c = 1; c <= width; c++) {
      var td = document.createElement("td"), input = document.createElement("input");
      input.name = jalur + "[" + ke + "][" + c + "]";
      td.appendChild(input);
      tr.appendChild(td);
    }
    var buttons = document.createElement("td");
    buttons.className = "tombol-butir";
    buttons.innerHTML = '<button type="button" class="kecil" data-naik title="Naikkan">&#8593;</button>' +
      '<button type="button" class="kecil" data-turun title="Turunkan">&#8595;</button>' +
      '<button type="button" class="kecil bahaya" data-hapus title="Hapus baris">&#215;</button>';
    tr.appendChild(buttons);
    list.querySelector(".butir-butir").appendChild(tr);
    return tr;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    var item = button.closest(".butir"), list = listOf(button);
    if (button.hasAttribute("data-hapus") && item) {
      item.remove(); renumber(list);
    } else if (button.hasAttribute("data-naik") && item && item.previousElementSibling) {
      item.parentNode.insertBefore(item, item.previousElementSibling); renumber(list);
    } else if (button.hasAttribute("data-turun") && item && item.nextElementSibling) {
      item.parentNode.insertBefore(item.nextElementSibling, item); renumber(list);
    } else if (button.hasAttribute("data-tambah-baris")) {
      newRow(list).querySelector("input").focus();
    } else if (button.dataset.tambah) {
      fetchItem(list, items(list).length + 1, button.dataset.tambah).then(function (el) {
        list.querySelector(":scope > .butir-butir").appendChild(el);
        var first = el.querySelector("textarea, input, select:not(.bentuk)");
        if (first) first.focus();
      });
    } else {
      return;
    }
    event.preventDefault();
  });

  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.hasAttribute("data-ganti-bentuk")) {
      var item = el.closest(".butir"), list = listOf(el);
      fetchItem(list, item.dataset.ke, el.value).then(function (fresh) { item.replaceWith(fresh); });
    } else if (el.dataset.modeUntuk) {
      var box = el.parentNode;
      box.querySelector(".dibuat-otomatis").hidden = el.value !== "otomatis";
      box.querySelector("textarea").hidden = el.value !== "sendiri";
    } else if (el.hasAttribute("data-unggah-logo") && el.files.length) {
      var form = el.closest("form"), body = new FormData();
      body.append("gambar", el.files[0]);
      fetch("/sunting/logo?berkas=" + encodeURIComponent(form.dataset.berkas), {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "X-CSRF-Token": document.querySelector('meta[name="csrf-token"]').content }
      }).then(function (r) { return r.json(); }).then(function (answer) {
        if (answer.logo) form.querySelector('[name="logo"]').value = answer.logo;
        else alert(answer.galat);
      });
    } else if (el.hasAttribute("data-ada")) {
      el.closest("fieldset").querySelector(".isi-bagian").hidden = !el.checked;
    }
  });

  // Cells copied from a spreadsheet arrive as tab-separated lines: fill from the cell pasted
  // into, rightwards and downwards, adding rows as needed.
  document.addEventListener("paste", function (event) {
    var input = event.target, list = input.closest && input.closest(".grid-isian");
    if (!list || input.tagName !== "INPUT") return;
    var text = (event.clipboardData || window.clipboardData).getData("text");
    if (text.indexOf("\t") < 0 && text.indexOf("\n") < 0) return;
    event.preventDefault();
    var rows = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n").map(function (r) { return r.split("\t"); });
    var row = input.closest("tr"), cells = Array.prototype.slice.call(row.querySelectorAll("input:not([type=hidden])"));
    var start = cells.indexOf(input), all = items(list), at = all.indexOf(row);
    rows.forEach(function (values, k) {
      var target = items(list)[at + k] || newRow(list);
      var inputs = target.querySelectorAll("input:not([type=hidden])");
      values.forEach(function (v, c) { if (inputs[start + c]) inputs[start + c].value = v.trim(); });
    });
  });
})();
