# bash completion for campctl (libcamp's command-line tool).
# Installed as share/bash-completion/completions/campctl; or source it by hand:
#   . tools/completion/campctl.bash

_campctl()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion || return
    else
        COMPREPLY=()
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi

    local commands="json-check validate webhook-verify tz schedule sizes whoami events get enable pause create sequence-set rules-set leads-add lead-update lead-cancel column-update outbox-create sender-create contacts help"
    local globals="--json --base-url --ca-file --timeout-ms --retries --token-file --proxy --help --version"
    local types="inbox-campaign inbox-campaign-create inbox-sequence-update inbox-sequence inbox-rules-update inbox-leads-add inbox-leads-add-result inbox-lead-update inbox-lead-cancel inbox-column-update inbox-column inbox-success inbox-error inbox-webhook inbox-campaign-page outbox-campaign outbox-campaign-create outbox-sender outbox-sender-create outbox-contacts-page list"

    # values of options
    case $prev in
        --ca-file|--token-file|--secret-file)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --fixtures)
            COMPREPLY=($(compgen -d -- "$cur"))
            return ;;
        --type)
            COMPREPLY=($(compgen -W "$types" -- "$cur"))
            return ;;
        --tz|--timezone)
            local zones
            zones=$(campctl tz --list 2>/dev/null)
            COMPREPLY=($(compgen -W "$zones" -- "$cur"))
            return ;;
        --by)
            COMPREPLY=($(compgen -W "platformId username externalId" -- "$cur"))
            return ;;
        --platform)
            COMPREPLY=($(compgen -W "twitter" -- "$cur"))
            return ;;
        --sort-by)
            COMPREPLY=($(compgen -W "last_activity created_at" -- "$cur"))
            return ;;
        --sort-direction)
            COMPREPLY=($(compgen -W "asc desc" -- "$cur"))
            return ;;
        --base-url|--timeout-ms|--retries|--header|--now|--tolerance|--hours|--at|--name|--account|--proxy|--description|--page|--tag|--after|--limit|--interval|--max-polls|--max-events)
            return ;;
    esac

    # the command word: the first word that is neither an option nor an option's value
    local i cmd=""
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --base-url|--ca-file|--timeout-ms|--retries|--token-file|--proxy|--type|--secret-file|--header|--now|--tolerance|--tz|--hours|--at|--fixtures|--name|--account|--timezone|--by|--platform|--description|--page|--sort-by|--sort-direction|--tag|--after|--limit|--interval|--max-polls|--max-events)
                ((i++)) ;;
            -*) ;;
            *) cmd=${words[i]}; break ;;
        esac
    done

    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$globals" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        fi
        return
    fi

    local opts=""
    case $cmd in
        help) COMPREPLY=($(compgen -W "$commands" -- "$cur")); return ;;
        validate) opts="--type --print" ;;
        webhook-verify) opts="--secret-file --header --now --tolerance --print" ;;
        tz) opts="--list" ;;
        schedule) opts="--tz --hours --at" ;;
        sizes) opts="--fixtures" ;;
        create) opts="--name --account --timezone" ;;
        lead-cancel) opts="--by --platform" ;;
        column-update) opts="--name --description --no-description" ;;
        contacts) opts="--page --all --sort-by --sort-direction --tag" ;;
        events) opts="--after --limit --follow --interval --max-polls --max-events" ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts $globals" -- "$cur"))
    else
        case $cmd in
            json-check|validate|webhook-verify|sequence-set|rules-set|leads-add|lead-update|outbox-create|sender-create)
                COMPREPLY=($(compgen -f -- "$cur")) ;;
        esac
    fi
}
complete -F _campctl campctl
