# bash completion for inspex and its tools. Options are read from each
# tool's --help, so they never fall behind; formats, kinds and grammar
# names are offered after the options that take them.
_inspex_complete() {
  local tool=$1 cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  case $prev in
    --to|-t) COMPREPLY=($(compgen -W "jsonl json csv tsv xlsx sqlite" -- "$cur")); return ;;
    --kind) COMPREPLY=($(compgen -W "document recommendation action judgement" -- "$cur")); return ;;
    --grammar|-g)
      COMPREPLY=($(compgen -W "$(inspex-grammars 2>/dev/null | awk '/^[^ ]/ { print $1 }')" -- "$cur"))
      return ;;
    --format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
    --fail-on|--show) COMPREPLY=($(compgen -W "error warning info" -- "$cur")); return ;;
  esac
  if [[ $cur != -* && $tool == inspex-test ]]; then # grammars by name, or grammar files
    COMPREPLY=($(compgen -W "$(inspex-grammars 2>/dev/null | awk '/^[^ ]/ { print $1 }')" -- "$cur")
               $(compgen -f -- "$cur"))
  elif [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$("$tool" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}

_inspex() {
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "$(inspex --help 2>/dev/null | awk '/^  [a-z]/ { print $1 }')" -- "${COMP_WORDS[1]}"))
  else
    _inspex_complete "inspex-${COMP_WORDS[1]}"
  fi
}

complete -o filenames -F _inspex inspex
complete -o filenames -F _inspex_complete inspex-convert inspex-extract inspex-grammars \
  inspex-normalize inspex-validate inspex-track inspex-report inspex-test
