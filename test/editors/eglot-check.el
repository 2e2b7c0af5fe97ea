;; The README's eglot configuration (written to $CHECK_DIR/config.el by run-eglot-check.mjs): open examples/report.md,
;; start eglot as its hook would, wait for the server's diagnostics (flymake) and print what was seen.
(setq debug-on-error nil)
(package-initialize) ; what an interactive Emacs does at startup: activates Debian's elpa-eglot and elpa-markdown-mode
(load (expand-file-name "config.el" (getenv "CHECK_DIR")))
(find-file (expand-file-name "examples/report.md" (getenv "PROJECT")))
(message "major mode: %s" major-mode)
(run-hooks 'post-command-hook) ; eglot-ensure connects from post-command-hook
(let ((deadline (+ (float-time) 90)) (diags nil))
  (while (and (< (float-time) deadline) (null diags))
    (accept-process-output nil 0.5)
    (setq diags (and (bound-and-true-p flymake-mode) (flymake-diagnostics))))
  (message "server: %S" (and (eglot-current-server) (eglot--project-nickname (eglot-current-server))))
  (message "diagnostics: %d" (length diags))
  (dolist (d (seq-take diags 3)) (message "  %s" (substring (flymake-diagnostic-text d) 0 (min 90 (length (flymake-diagnostic-text d))))))
  (kill-emacs (if diags 0 1)))
