/** The step debugger's buttons: ends, ops, micro-steps, play/pause, and the breakpoint runs. */
import type { Move } from '../../worker/protocol.ts';
import { Icon, type IconName } from './Icons.tsx';

interface Props {
  atStart: boolean;
  atEnd: boolean;
  playing: boolean;
  onMove(m: Move): void;
  onPlay(): void;
  onContinue(dir: 1 | -1): void;
}

/** "Shift+ArrowLeft" as a person reads it: "Shift+←". */
function keyGlyphs(keys: string): string {
  return keys.replace('ArrowLeft', '←').replace('ArrowRight', '→');
}

function Btn(props: {
  name: string;
  icon: IconName;
  keys: string;
  disabled?: boolean;
  pressed?: boolean;
  onClick(): void;
}) {
  return (
    <button
      type="button"
      className="icon t-btn"
      aria-label={props.name}
      aria-keyshortcuts={props.keys}
      title={`${props.name} (${keyGlyphs(props.keys)})`}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <Icon name={props.icon} />
    </button>
  );
}

export function Transport({ atStart, atEnd, playing, onMove, onPlay, onContinue }: Props) {
  return (
    <div className="transport" role="toolbar" aria-label="Step through">
      <Btn
        name="Start"
        icon="start"
        keys="Home"
        disabled={atStart}
        onClick={() => onMove('start')}
      />
      <Btn
        name="Previous op"
        icon="prevOp"
        keys="Shift+ArrowLeft"
        disabled={atStart}
        onClick={() => onMove('prevOp')}
      />
      <Btn
        name="Step back"
        icon="stepBack"
        keys="ArrowLeft"
        disabled={atStart}
        onClick={() => onMove('prev')}
      />
      <button
        type="button"
        className="icon t-btn play"
        aria-label={playing ? 'Pause' : 'Play'}
        aria-keyshortcuts="Space"
        title={`${playing ? 'Pause' : 'Play'} (Space)`}
        onClick={onPlay}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <Btn
        name="Step forward"
        icon="stepForward"
        keys="ArrowRight"
        disabled={atEnd}
        onClick={() => onMove('next')}
      />
      <Btn
        name="Next op"
        icon="nextOp"
        keys="Shift+ArrowRight"
        disabled={atEnd}
        onClick={() => onMove('nextOp')}
      />
      <Btn name="End" icon="end" keys="End" disabled={atEnd} onClick={() => onMove('end')} />
      <span className="t-sep" aria-hidden="true" />
      <button
        type="button"
        className="t-run"
        disabled={atStart}
        title="Run backward to the previous breakpoint hit"
        onClick={() => onContinue(-1)}
      >
        <Icon name="reverse" />
        Reverse continue
      </button>
      <button
        type="button"
        className="t-run"
        disabled={atEnd}
        title="Run forward to the next breakpoint hit"
        onClick={() => onContinue(1)}
      >
        Continue
        <Icon name="continue" />
      </button>
    </div>
  );
}
